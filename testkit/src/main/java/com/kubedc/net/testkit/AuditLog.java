package com.kubedc.net.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the API server's audit log as it grows: every write request, who sent it (user agent),
 * what it touched and how it ended. An independent record of a controller's writes.
 */
public final class AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private long offset;
    private final StringBuilder partial = new StringBuilder();

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
            offset = Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            offset = 0;
        }
        partial.setLength(0);
        return this;
    }

    /** The complete entries appended since the last call. */
    public synchronized List<Entry> next() {
        List<Entry> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long end = f.length();
            if (end < offset) {
                offset = 0;
            }
            byte[] buf = new byte[(int) Math.min(end - offset, Integer.MAX_VALUE)];
            f.seek(offset);
            f.readFully(buf);
            offset = end;
            partial.append(new String(buf, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        int nl;
        while ((nl = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, nl);
            partial.delete(0, nl + 1);
            if (!line.isBlank()) {
                out.add(parse(line));
            }
        }
        return out;
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
