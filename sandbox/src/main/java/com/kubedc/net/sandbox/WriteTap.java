package com.kubedc.net.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.kubedc.net.testkit.ApiServer;
import com.kubedc.net.testkit.AuditLog;
import com.kubedc.net.testkit.GatewayEmulator;
import com.kubedc.net.testkit.KubeOvnEmulator;
import com.kubedc.net.testkit.Sandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Records the write requests of a benchmark run, enough to replay them: from the real API server's
 * audit log, or from the mock server's request stream. Each is marked as the controller's or not:
 * the emulators' and the sandbox's own (the user's) are told apart by user agent. The server's own
 * components are left out.
 */
abstract class WriteTap {
    static WriteTap on(Sandbox sandbox) {
        return sandbox.backend() instanceof ApiServer real ? new Audit(real.auditLogPath()) : new Mock(sandbox);
    }

    static boolean others(String userAgent) {
        return userAgent.contains(KubeOvnEmulator.USER_AGENT)
                || userAgent.contains(Sandbox.USER_AGENT)
                || userAgent.contains(GatewayEmulator.USER_AGENT);
    }

    abstract void start();

    /** The writes since {@link #start()}, in the order the server saw them (see {@link Benchmark.Write#controller}). */
    abstract List<Benchmark.Write> stop();

    /** Only the controller's writes of {@code writes}. */
    static List<Benchmark.Write> controller(List<Benchmark.Write> writes) {
        return writes.stream().filter(Benchmark.Write::controller).toList();
    }

    /** The real server's audit log (every write at Request level: the request object is the body). */
    static final class Audit extends WriteTap {
        private final AuditLog log;

        Audit(Path file) {
            this.log = new AuditLog(file);
        }

        @Override
        void start() {
            log.fromNow();
        }

        @Override
        List<Benchmark.Write> stop() {
            List<Benchmark.Write> out = new ArrayList<>();
            for (AuditLog.Entry e : log.next()) {
                if (!e.fromComponent()) {
                    byte[] body =
                            e.body() == null ? new byte[0] : e.body().toString().getBytes(StandardCharsets.UTF_8);
                    out.add(new Benchmark.Write(
                            e.method(),
                            e.uri(),
                            contentType(e.verb(), e.uri(), e.body()),
                            body,
                            !others(e.userAgent())));
                }
            }
            return out;
        }

        /** The audit log keeps no content type: a patch's kind follows from its body and query. */
        static String contentType(String verb, String uri, JsonNode body) {
            if (!"patch".equals(verb)) {
                return body == null ? null : "application/json";
            }
            if (body != null && body.isArray()) {
                return "application/json-patch+json";
            }
            return uri.contains("force=") ? "application/apply-patch+yaml" : "application/merge-patch+json";
        }
    }

    /** The mock server's request stream. */
    static final class Mock extends WriteTap {
        private final Sandbox sandbox;
        private final ConcurrentLinkedQueue<Benchmark.Write> writes = new ConcurrentLinkedQueue<>();

        Mock(Sandbox sandbox) {
            this.sandbox = sandbox;
        }

        @Override
        void start() {
            writes.clear();
            sandbox.server().tap(r -> {
                if (!"GET".equals(r.getMethod())) {
                    writes.add(new Benchmark.Write(
                            r.getMethod(),
                            r.getPath(),
                            r.getHeader("Content-Type"),
                            Benchmark.body(r),
                            !others(String.valueOf(r.getHeader("User-Agent")))));
                }
            });
        }

        @Override
        List<Benchmark.Write> stop() {
            sandbox.server().tap(r -> {});
            return List.copyOf(writes);
        }
    }
}
