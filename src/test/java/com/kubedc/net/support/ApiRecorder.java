package com.kubedc.net.support;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads the mock API server's request log: an independent count of the controller's writes
 * (every non-GET request not sent by the Kube-OVN emulator, told apart by its user agent).
 */
public final class ApiRecorder {
    public static final String EMULATOR_USER_AGENT = com.kubedc.net.sandbox.KubeOvnEmulator.USER_AGENT;
    public static final String TEST_USER_AGENT = "kube-dc-net-test";
    private final KubernetesMockServer server;

    public ApiRecorder(KubernetesMockServer server) {
        this.server = server;
    }

    /** Forgets everything recorded so far. */
    public void reset() {
        drain();
    }

    /** The controller's write requests since the last call, as {@code METHOD path}. */
    public List<String> controllerWrites() {
        List<String> out = new ArrayList<>();
        for (RecordedRequest r : drain()) {
            String ua = r.getHeader("User-Agent");
            boolean others = ua != null && (ua.contains(EMULATOR_USER_AGENT) || ua.contains(TEST_USER_AGENT));
            if (!others && !"GET".equals(r.getMethod())) {
                out.add(r.getMethod() + " " + r.getPath());
            }
        }
        return out;
    }

    private List<RecordedRequest> drain() {
        List<RecordedRequest> all = new ArrayList<>();
        try {
            RecordedRequest r;
            while ((r = server.takeRequest(1, TimeUnit.MILLISECONDS)) != null) {
                all.add(r);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return all;
    }
}
