package com.kubedc.net.ops;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The controller's one Kubernetes client (the operator SDK, its leader elector and our code share it),
 * made as Quarkus' default producer makes it (its {@link Config} with our customizers, its
 * serialization) plus the {@link LeaseRenewals} interceptor, which the default has no hook for.
 */
public class ControllerClient {
    @Produces
    @Singleton
    KubernetesClient kubernetesClient(KubernetesSerialization serialization, Config config, LeaseRenewals renewals) {
        return new KubernetesClientBuilder()
                .withKubernetesSerialization(serialization)
                .withConfig(config)
                .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor(LeaseRenewals.NAME, renewals))
                .build();
    }

    void close(@Disposes KubernetesClient client) {
        client.close();
    }
}
