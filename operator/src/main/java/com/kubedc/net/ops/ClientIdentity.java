package com.kubedc.net.ops;

import com.kubedc.net.common.Writer;
import io.fabric8.kubernetes.client.Config;
import io.quarkus.kubernetes.client.KubernetesConfigCustomizer;
import jakarta.inject.Singleton;

/**
 * The controller's name on the API server: its user agent, which the server also takes as the
 * field manager of our creates (managedFields, audit logs and metrics name "kube-dc-net").
 */
@Singleton
public class ClientIdentity implements KubernetesConfigCustomizer {
    @Override
    public void customize(Config config) {
        String version = ClientIdentity.class.getPackage().getImplementationVersion();
        config.setUserAgent(Writer.FIELD_MANAGER + "/" + (version == null ? "dev" : version));
    }
}
