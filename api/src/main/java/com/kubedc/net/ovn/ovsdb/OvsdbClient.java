package com.kubedc.net.ovn.ovsdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * An OVSDB client (RFC 7047) that stays connected: it tries the endpoints in turn until one is the
 * database's leader, re-establishes its monitors after every reconnect (delivering a fresh
 * snapshot, so whatever changed meanwhile is seen), keeps the session alive with echo, and backs
 * off exponentially between attempts. All callbacks run on its one scheduler thread, in order.
 */
public final class OvsdbClient implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OvsdbClient.class);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final OvsdbOptions options;
    private final ScheduledExecutorService exec;
    private final List<Monitor> monitors = new CopyOnWriteArrayList<>();
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong transactions = new AtomicLong();
    /** Held while the connection changes and the listeners hear of it, and while a listener is added. */
    private final Object announcing = new Object();

    private volatile Connection connection;
    private volatile boolean closed;
    private int nextEndpoint;
    private long backoffMs;

    private record Monitor(String id, Map<String, List<String>> tables, MonitorListener listener) {}

    private OvsdbClient(OvsdbOptions options) {
        this.options = options;
        this.backoffMs = options.backoffMin().toMillis();
        this.exec = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ovsdb-client");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts connecting in the background and returns at once; an unreachable server is retried, never thrown. */
    public static OvsdbClient start(OvsdbOptions options) {
        if (options.endpoints().isEmpty()) {
            throw new IllegalArgumentException("no OVSDB endpoint");
        }
        OvsdbClient c = new OvsdbClient(options);
        c.exec.execute(c::connect);
        long echo = options.echoInterval().toMillis();
        c.exec.scheduleWithFixedDelay(c::echo, echo, echo, TimeUnit.MILLISECONDS);
        return c;
    }

    /** The state the listeners last heard: a dropped socket counts once they have been told. */
    public boolean isConnected() {
        return connection != null;
    }

    /**
     * {@code listener} hears every later change of {@link #isConnected()}, none it could already have
     * seen; {@code true} comes only after every monitor has delivered its fresh snapshot.
     */
    public void onConnectionChange(Consumer<Boolean> listener) {
        synchronized (announcing) {
            listeners.add(listener);
        }
    }

    public long transactions() {
        return transactions.get();
    }

    /** Registers a monitor; sent now if connected, and again after every reconnect. */
    public void monitor(String monitorId, Map<String, List<String>> tableColumns, MonitorListener listener) {
        Monitor m = new Monitor(monitorId, Map.copyOf(tableColumns), listener);
        monitors.add(m);
        exec.execute(() -> {
            Connection c = connection;
            if (c != null) {
                try {
                    establish(c, m);
                } catch (RuntimeException e) {
                    LOG.debugf("monitor %s not established: %s", monitorId, e.toString());
                    c.close();
                }
            }
        });
    }

    /** One transaction on the options' database; result {@code i} belongs to operation {@code i}. */
    public CompletableFuture<List<JsonNode>> transact(List<ObjectNode> operations) {
        Connection c = connection;
        if (c == null || !c.isOpen()) {
            return CompletableFuture.failedFuture(
                    new OvsdbConnectionException("not connected to " + options.endpoints()));
        }
        ArrayNode params = F.arrayNode().add(options.database());
        operations.forEach(params::add);
        transactions.incrementAndGet();
        return timed(c.request("transact", params)).thenApply(msg -> results(msg, operations.size()));
    }

    static List<JsonNode> results(JsonNode msg, int operations) {
        JsonNode error = msg.get("error");
        if (error != null && !error.isNull()) {
            throw new OvsdbTransactionException(
                    -1, text(error.isObject() ? error.get("error") : error), text(error.get("details")));
        }
        List<JsonNode> out = new ArrayList<>();
        JsonNode result = msg.get("result");
        for (int i = 0; result != null && i < result.size(); i++) {
            JsonNode r = result.get(i);
            if (r != null && r.has("error") && !r.get("error").isNull()) {
                throw new OvsdbTransactionException(
                        i < operations ? i : -1, text(r.get("error")), text(r.get("details")));
            }
            if (i < operations) {
                out.add(r);
            }
        }
        return out;
    }

    private CompletableFuture<JsonNode> timed(CompletableFuture<JsonNode> f) {
        return f.orTimeout(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    if (cause instanceof TimeoutException) {
                        return CompletableFuture.failedFuture(new OvsdbTimeoutException(
                                "no answer in " + options.requestTimeout().toMillis() + " ms"));
                    }
                    return CompletableFuture.failedFuture(cause);
                });
    }

    private void connect() {
        if (closed || connection != null) {
            return;
        }
        Endpoint e = options.endpoints()
                .get(Math.floorMod(nextEndpoint, options.endpoints().size()));
        Connection c = null;
        try {
            c = Connection.open(e, options.requestTimeout(), this::notification, this::lost);
            if (!leader(c)) {
                throw new OvsdbConnectionException(e + " is not the leader of " + options.database());
            }
            // Resynced before announced: a listener hearing "true" could otherwise make a change and not
            // know whether it will come back inside the snapshot or as an update after it.
            for (Monitor m : monitors) {
                establish(c, m);
            }
            backoffMs = options.backoffMin().toMillis();
            LOG.infof("connected to OVSDB %s (%s)", e, options.database());
            publish(c);
        } catch (RuntimeException | java.io.IOException ex) {
            LOG.debugf("OVSDB %s: %s", e, ex.toString());
            if (c != null) {
                c.close();
            }
            nextEndpoint++;
            retryLater();
        }
    }

    private void retryLater() {
        if (closed) {
            return;
        }
        long delay = backoffMs;
        backoffMs = Math.min(backoffMs * 2, options.backoffMax().toMillis());
        exec.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /** A clustered database answers writes only on its leader; a standalone server is its own leader. */
    private boolean leader(Connection c) {
        ObjectNode select = Ops.select(
                "Database",
                Ops.where(Ops.condition("name", "==", Ops.text(options.database()))),
                List.of("leader", "connected"));
        JsonNode msg = await(c.request("transact", F.arrayNode().add("_Server").add(select)));
        JsonNode error = msg.get("error");
        if (error != null && !error.isNull()) {
            return true; // no _Server database: an old standalone server
        }
        JsonNode rows = msg.path("result").path(0).path("rows");
        if (rows.isEmpty()) {
            return false;
        }
        return rows.get(0).path("leader").asBoolean(false)
                && rows.get(0).path("connected").asBoolean(true);
    }

    private void establish(Connection c, Monitor m) {
        if (!c.monitors.add(m.id())) {
            return;
        }
        ObjectNode requests = F.objectNode();
        m.tables().forEach((table, columns) -> {
            ArrayNode cols = requests.putObject(table).putArray("columns");
            columns.forEach(cols::add);
        });
        JsonNode msg = await(c.request(
                "monitor", F.arrayNode().add(options.database()).add(m.id()).add(requests)));
        JsonNode error = msg.get("error");
        if (error != null && !error.isNull()) {
            throw new OvsdbTransactionException(-1, text(error), "monitor " + m.id());
        }
        m.listener().onSnapshot(TableUpdates.parse(msg.get("result")));
    }

    private JsonNode await(CompletableFuture<JsonNode> f) {
        try {
            return timed(f).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r
                    ? r
                    : new OvsdbConnectionException("request failed", e.getCause());
        }
    }

    private void notification(ArrayNode params) {
        if (params.size() < 2) {
            return;
        }
        String id = text(params.get(0));
        TableUpdates u = TableUpdates.parse(params.get(1));
        exec.execute(() -> monitors.stream()
                .filter(m -> m.id().equals(id))
                .forEach(m -> m.listener().onUpdate(u)));
    }

    private void lost(Connection c, Throwable cause) {
        if (closed) {
            return;
        }
        exec.execute(() -> {
            if (connection == c) {
                LOG.infof("lost OVSDB %s%s", c.endpoint, cause == null ? "" : ": " + cause.getMessage());
                publish(null);
                nextEndpoint++;
                retryLater();
            }
        });
    }

    /** Sets the connection ({@code null}: none) and tells the listeners. */
    private void publish(Connection c) {
        // One step under the lock onConnectionChange takes: with the connection set (or its socket closed) before the
        // listeners were told, a listener added after isConnected() had already changed was still told of that change.
        synchronized (announcing) {
            connection = c;
            listeners.forEach(l -> l.accept(c != null));
        }
    }

    /** Our keepalive: no answer in time means the session is dead, whatever TCP says. */
    private void echo() {
        Connection c = connection;
        if (c == null) {
            return;
        }
        timed(c.request("echo", F.arrayNode().add("kube-dc-net"))).whenComplete((r, e) -> {
            if (e != null) {
                LOG.debugf("OVSDB echo to %s failed: %s", c.endpoint, e.toString());
                c.close();
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        Connection c = connection;
        connection = null;
        if (c != null) {
            c.close();
        }
        exec.shutdownNow();
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "" : n.isTextual() ? n.textValue() : n.toString();
    }
}
