package com.kubedc.net.ovn.ovsdb;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One JSON-RPC session over TCP (RFC 7047 §4). OVSDB frames nothing: messages are JSON objects one
 * after another, so a reader thread parses the stream value by value. Answers the server's echo
 * itself; hands notifications to the client; fails every pending request when the socket ends.
 */
final class Connection implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final Endpoint endpoint;
    /** Monitor ids established on this session (a second "monitor" with the same id is an error). */
    final java.util.Set<String> monitors = ConcurrentHashMap.newKeySet();

    private final Socket socket;
    private final OutputStream out;
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Consumer<ArrayNode> notifications;
    private final BiConsumer<Connection, Throwable> onClosed;

    private Connection(
            Endpoint endpoint,
            Socket socket,
            Consumer<ArrayNode> notifications,
            BiConsumer<Connection, Throwable> onClosed)
            throws IOException {
        this.endpoint = endpoint;
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.notifications = notifications;
        this.onClosed = onClosed;
    }

    /** Connects (bounded by {@code timeout}) and starts the reader thread. */
    static Connection open(
            Endpoint e, Duration timeout, Consumer<ArrayNode> notifications, BiConsumer<Connection, Throwable> onClosed)
            throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(e.host(), e.port()), (int) timeout.toMillis());
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
        } catch (IOException ex) {
            s.close();
            throw ex;
        }
        Connection c = new Connection(e, s, notifications, onClosed);
        Thread reader = new Thread(c::read, "ovsdb-reader-" + e.host() + ":" + e.port());
        reader.setDaemon(true);
        reader.start();
        return c;
    }

    /** Sends a request; the future holds the whole response ({@code result}, {@code error}). */
    CompletableFuture<JsonNode> request(String method, ArrayNode params) {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode msg = MAPPER.createObjectNode();
        msg.put("method", method);
        msg.set("params", params);
        msg.put("id", id);
        try {
            send(msg);
        } catch (IOException e) {
            pending.remove(id);
            f.completeExceptionally(new OvsdbConnectionException("sending to " + endpoint + " failed", e));
            close(e);
        }
        return f;
    }

    private void send(ObjectNode msg) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(msg);
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
    }

    private void read() {
        Throwable cause = null;
        try (InputStream in = socket.getInputStream();
                JsonParser p = MAPPER.getFactory().createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) {
                    continue;
                }
                JsonNode msg = MAPPER.readTree(p);
                handle(msg);
            }
        } catch (IOException | RuntimeException e) {
            cause = e;
        }
        close(cause);
    }

    private void handle(JsonNode msg) throws IOException {
        JsonNode method = msg.get("method");
        if (method != null && !method.isNull()) {
            if ("echo".equals(method.asText())) {
                ObjectNode reply = MAPPER.createObjectNode();
                reply.set("result", msg.get("params"));
                reply.putNull("error");
                reply.set("id", msg.get("id"));
                send(reply);
            } else if ("update".equals(method.asText()) && msg.get("params") instanceof ArrayNode params) {
                notifications.accept(params);
            }
            return;
        }
        JsonNode id = msg.get("id");
        if (id != null && id.canConvertToLong()) {
            CompletableFuture<JsonNode> f = pending.remove(id.asLong());
            if (f != null) {
                f.complete(msg);
            }
        }
    }

    boolean isOpen() {
        return !closed.get();
    }

    @Override
    public void close() {
        close(null);
    }

    private void close(Throwable cause) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        OvsdbConnectionException failure = new OvsdbConnectionException("connection to " + endpoint + " closed", cause);
        pending.values().forEach(f -> f.completeExceptionally(failure));
        pending.clear();
        onClosed.accept(this, cause);
    }
}
