package com.kubedc.net.thirdparty.kubeovn;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.List;

/** Kube-OVN OvnSnatRule (cluster-scoped): source NAT of a VPC subnet through an OvnEip. */
@Group(KubeOvn.GROUP)
@Version(KubeOvn.VERSION)
@Plural("ovn-snat-rules")
public class OvnSnatRule extends CustomResource<OvnSnatRule.Spec, OvnSnatRule.Status> {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Spec(String ovnEip, String vpcSubnet, String ipName, String vpc, String v4IpCidr) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(Boolean ready, String vpc, String v4Eip, String v4IpCidr, List<Condition> conditions) {}
}
