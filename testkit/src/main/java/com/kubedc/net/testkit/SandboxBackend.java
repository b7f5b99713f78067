package com.kubedc.net.testkit;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.Map;

/** The API server under the sandbox: the real one ({@link ApiServer}) or the in-process mock fallback ({@link SandboxServer}). */
public interface SandboxBackend extends AutoCloseable {
    KubernetesClient client(String userAgent);

    String url();

    /** Writes a kubeconfig for kubectl and returns its path. */
    Path writeKubeconfig(Path file);

    /** The controller's {@code quarkus.kubernetes-client.*} settings for this server. */
    Map<String, String> clientSettings();

    /** One line for the sandbox's first lines: which server this is. */
    String describe();

    @Override
    void close();
}
