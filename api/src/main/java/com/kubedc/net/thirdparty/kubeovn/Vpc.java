package com.kubedc.net.thirdparty.kubeovn;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.List;

/** Kube-OVN VPC (cluster-scoped): a logical router with its routes and policies. */
@Group(KubeOvn.GROUP)
@Version(KubeOvn.VERSION)
@Plural("vpcs")
public class Vpc extends CustomResource<Vpc.Spec, Vpc.Status> {

    /** The fields of {@code VpcSpec} we write or read. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Spec(
            List<String> namespaces,
            List<StaticRoute> staticRoutes,
            List<PolicyRoute> policyRoutes,
            Boolean enableExternal,
            List<String> extraExternalSubnets) {}

    /** {@code staticRoutes[]}: policy {@code policyDst|policySrc}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StaticRoute(
            String policy,
            String cidr,
            @JsonProperty("nextHopIP") String nextHopIP) {}

    /** {@code policyRoutes[]}: action {@code allow|drop|reroute}; nextHopIP only for reroute. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PolicyRoute(
            int priority,
            String match,
            String action,
            @JsonProperty("nextHopIP") String nextHopIP) {}

    /** The fields of {@code VpcStatus} we read. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(
            Boolean standby,
            String router,
            List<String> subnets,
            Boolean enableExternal,
            List<String> extraExternalSubnets,
            List<Condition> conditions) {}
}
