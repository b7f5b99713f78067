package com.kubedc.net.testkit;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder;
import java.util.Map;

/**
 * The platform's shared Gateway as the installer declares it (spec §8.1): {@code eg} in
 * {@code envoy-gateway-system} with the platform listeners routes attach to (plain HTTP from all
 * namespaces, the wildcard TLS passthrough for the base domain) and one platform HTTPS listener.
 */
public final class SeedGateway {
    public static final String NAMESPACE = "envoy-gateway-system";
    public static final String NAME = "eg";

    private SeedGateway() {}

    public static Namespace namespace() {
        return new NamespaceBuilder()
                .withNewMetadata()
                .withName(NAMESPACE)
                .withLabels(Map.of("kubernetes.io/metadata.name", NAMESPACE))
                .endMetadata()
                .build();
    }

    public static Gateway gateway(String baseDomain) {
        return new GatewayBuilder()
                .withNewMetadata()
                .withName(NAME)
                .withNamespace(NAMESPACE)
                .endMetadata()
                .withNewSpec()
                .withGatewayClassName("eg")
                .addNewListener()
                .withName("http")
                .withPort(80)
                .withProtocol("HTTP")
                .withNewAllowedRoutes()
                .withNewNamespaces()
                .withFrom("All")
                .endNamespaces()
                .endAllowedRoutes()
                .endListener()
                .addNewListener()
                .withName("https-console")
                .withPort(443)
                .withProtocol("HTTPS")
                .withHostname("console." + baseDomain)
                .withNewTls()
                .withMode("Terminate")
                .addNewCertificateRef()
                .withKind("Secret")
                .withName("console-tls")
                .withNamespace("kube-dc")
                .endCertificateRef()
                .endTls()
                .withNewAllowedRoutes()
                .withNewNamespaces()
                .withFrom("All")
                .endNamespaces()
                .endAllowedRoutes()
                .endListener()
                .addNewListener()
                .withName("tls-passthrough-wildcard")
                .withPort(443)
                .withProtocol("TLS")
                .withHostname("*." + baseDomain)
                .withNewTls()
                .withMode("Passthrough")
                .endTls()
                .withNewAllowedRoutes()
                .withNewNamespaces()
                .withFrom("All")
                .endNamespaces()
                .endAllowedRoutes()
                .endListener()
                .endSpec()
                .build();
    }
}
