package com.kubedc.net.ops;

import io.fabric8.kubernetes.client.Config;
import io.quarkus.kubernetes.client.KubernetesConfigCustomizer;
import jakarta.inject.Singleton;

/**
 * The controller's name on the API server: its user agent, which the server also takes as the
 * field manager of our creates (managedFields, audit logs and metrics name "kube-dc-net").
 */
@Singleton
public class ClientIdentity implements KubernetesConfigCustomizer {
    public static final String NAME = "kube-dc-net";

    @Override
    public void customize(Config config) {
        String version = ClientIdentity.class.getPackage().getImplementationVersion();
        config.setUserAgent(NAME + "/" + (version == null ? "dev" : version));
    }
}
