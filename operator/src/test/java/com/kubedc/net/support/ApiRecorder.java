package com.kubedc.net.support;

import com.kubedc.net.testkit.AuditLog;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the API server's audit log: an independent count of the controller's writes (every write
 * not sent by the emulators, the tests or the server's own components, told apart by user agent).
 */
public final class ApiRecorder {
    public static final String EMULATOR_USER_AGENT = com.kubedc.net.testkit.KubeOvnEmulator.USER_AGENT;
    public static final String TEST_USER_AGENT = "kube-dc-net-test";
    private final AuditLog log;

    public ApiRecorder(AuditLog log) {
        this.log = log.fromNow();
    }

    /** Forgets everything recorded so far. */
    public void reset() {
        log.next();
    }

    /** The controller's write requests since the last call, with their request bodies. */
    public List<AuditLog.Entry> controllerWriteEntries() {
        return log.next().stream()
                .filter(e -> !(e.userAgent().contains(EMULATOR_USER_AGENT)
                        || e.userAgent().contains(TEST_USER_AGENT)
                        || e.fromComponent()))
                .toList();
    }

    /** The controller's write requests since the last call, as {@code METHOD path}, a create followed by the new object's name. */
    public List<String> controllerWrites() {
        List<String> out = new ArrayList<>();
        for (AuditLog.Entry e : log.next()) {
            boolean others = e.userAgent().contains(EMULATOR_USER_AGENT)
                    || e.userAgent().contains(TEST_USER_AGENT)
                    || e.fromComponent();
            if (!others) {
                String created = e.body() == null
                        ? ""
                        : e.body().path("metadata").path("name").asText("");
                out.add("create".equals(e.verb()) && !created.isEmpty() ? e.line() + " " + created : e.line());
            }
        }
        return out;
    }
}
