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

/** Kube-OVN Subnet (cluster-scoped): a project workload subnet or, when labelled, an external network. */
@Group(KubeOvn.GROUP)
@Version(KubeOvn.VERSION)
@Plural("subnets")
public class Subnet extends CustomResource<Subnet.Spec, Subnet.Status> {

    /** The fields of {@code SubnetSpec} we write or read. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Spec(
            String vpc,
            String protocol,
            List<String> namespaces,
            String cidrBlock,
            String gateway,
            List<String> excludeIps,
            String provider,
            Boolean natOutgoing,
            @JsonProperty("private") Boolean isPrivate,
            String vlan,
            Integer mtu) {}

    /** The fields of {@code SubnetStatus} we read; counts are JSON numbers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(
            @JsonProperty("v4availableIPs") Double v4availableIPs,
            @JsonProperty("v4usingIPs") Double v4usingIPs,
            @JsonProperty("v4availableIPrange") String v4availableIPrange,
            @JsonProperty("v4usingIPrange") String v4usingIPrange,
            List<Condition> conditions) {}
}
