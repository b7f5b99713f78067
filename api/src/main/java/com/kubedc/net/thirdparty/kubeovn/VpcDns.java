package com.kubedc.net.thirdparty.kubeovn;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.List;

/** Kube-OVN VpcDns (cluster-scoped): Kube-OVN runs a DNS deployment {@code vpc-dns-<name>} for the VPC. */
@Group(KubeOvn.GROUP)
@Version(KubeOvn.VERSION)
@Plural("vpc-dnses")
public class VpcDns extends CustomResource<VpcDns.Spec, VpcDns.Status> {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Spec(Integer replicas, String vpc, String subnet) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(Boolean active, List<Condition> conditions) {}
}
