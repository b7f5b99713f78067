package com.kubedc.net.thirdparty.envoy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.List;

/**
 * Envoy Gateway {@code Backend} (namespaced): the address the shared Gateway forwards a route to.
 * Ours point at a Service's external address, the only address of a project VPC the Gateway can
 * reach (Decision 7).
 */
@Group("gateway.envoyproxy.io")
@Version("v1alpha1")
@Plural("backends")
public class Backend extends CustomResource<Backend.Spec, Void> implements Namespaced {

    /** The fields of {@code BackendSpec} we write. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Spec(List<Endpoint> endpoints) {}

    /** One endpoint: an IP address and port. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Endpoint(Ip ip) {}

    /** {@code ip: {address, port}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ip(String address, Integer port) {}
}
