package com.kubedc.net.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the API server's audit log as it grows: every write request, who sent it (user agent),
 * what it touched and how it ended. An independent record of a controller's writes.
 */
public final class AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private static final int CHUNK = 1 << 20;
    private long offset;
    /** The file's identity when last read (inode); another one means the server rotated it. */
    private Object identity;
    /** The bytes of a line not yet complete. */
    private byte[] partial = new byte[0];

    /** One write as the server saw it; {@code body} is the request object (null for deletes). */
    public record Entry(String verb, String uri, String userAgent, String user, int code, JsonNode body) {
        /** The HTTP method of the request. */
        public String method() {
            return switch (verb) {
                case "create" -> "POST";
                case "update" -> "PUT";
                case "patch" -> "PATCH";
                case "delete", "deletecollection" -> "DELETE";
                default -> verb.toUpperCase();
            };
        }

        /** {@code METHOD path}, as an HTTP client would print it. */
        public String line() {
            return method() + " " + uri;
        }

        public boolean fromComponent() {
            return ApiServer.COMPONENT_AGENTS.stream().anyMatch(userAgent::startsWith)
                    || user.startsWith("system:apiserver");
        }
    }

    public AuditLog(Path file) {
        this.file = file;
    }

    /** Starts reading at the log's current end: what was written before is not returned. */
    public synchronized AuditLog fromNow() {
        try {
            identity = Files.exists(file) ? identity() : null;
            offset = identity == null ? 0 : Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        partial = new byte[0];
        return this;
    }

    /**
     * The complete entries appended since the last call.
     *
     * @throws IllegalStateException if the file was replaced or shortened since the last call (the
     *     server rotated it): the entries in between are lost, and a count from here would be wrong
     */
    public synchronized List<Entry> next() {
        List<Entry> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            Object now = identity();
            long end = ch.size();
            if (identity != null && (!identity.equals(now) || end < offset)) {
                throw new IllegalStateException(file + " was rotated or truncated after byte " + offset
                        + ": the writes it held since then are lost (the server must not rotate it)");
            }
            identity = now;
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
            while (offset < end) {
                chunk.clear();
                int read = ch.read(chunk, offset);
                if (read <= 0) {
                    break;
                }
                offset += read;
                partial = lines(join(partial, chunk.array(), read), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    private Object identity() throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    private static byte[] join(byte[] head, byte[] tail, int tailLength) {
        byte[] all = Arrays.copyOf(head, head.length + tailLength);
        System.arraycopy(tail, 0, all, head.length, tailLength);
        return all;
    }

    /** Parses every complete line of {@code bytes} into {@code out}; returns the incomplete rest. */
    private static byte[] lines(byte[] bytes, List<Entry> out) {
        int from = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                if (i > from) {
                    out.add(parse(new String(bytes, from, i - from, StandardCharsets.UTF_8)));
                }
                from = i + 1;
            }
        }
        return Arrays.copyOfRange(bytes, from, bytes.length);
    }

    static Entry parse(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            JsonNode body = n.get("requestObject");
            return new Entry(
                    n.path("verb").asText(),
                    n.path("requestURI").asText(),
                    n.path("userAgent").asText(""),
                    n.path("user").path("username").asText(""),
                    n.path("responseStatus").path("code").asInt(0),
                    body);
        } catch (IOException e) {
            throw new IllegalStateException("bad audit line: " + line, e);
        }
    }
}
