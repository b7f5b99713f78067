package com.kubedc.net.thirdparty.kubeovn;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.List;

/** Kube-OVN OvnFip (cluster-scoped): a dnat_and_snat of an OvnEip onto an internal address. */
@Group(KubeOvn.GROUP)
@Version(KubeOvn.VERSION)
@Plural("ovn-fips")
public class OvnFip extends CustomResource<OvnFip.Spec, OvnFip.Status> {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Spec(String ovnEip, String ipType, String ipName, String vpc, String v4Ip, String type) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(
            Boolean ready, String vpc, String v4Eip, String v4Ip, String macAddress, List<Condition> conditions) {}
}
