package com.kubedc.net.thirdparty.kubeovn;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.List;

/** Kube-OVN OvnEip (cluster-scoped): an address of an external subnet; Kube-OVN fills {@code status.v4Ip}. */
@Group(KubeOvn.GROUP)
@Version(KubeOvn.VERSION)
@Plural("ovn-eips")
public class OvnEip extends CustomResource<OvnEip.Spec, OvnEip.Status> {

    /** {@code type}: {@code lrp} (router port), {@code nat} or {@code lsp}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Spec(String externalSubnet, String v4Ip, String macAddress, String type) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(
            String type, String nat, String v4Ip, String macAddress, Boolean ready, List<Condition> conditions) {}

    /** The allocated address, once Kube-OVN has one and says it is ready. */
    public String readyAddress() {
        Status s = getStatus();
        if (s == null
                || !Boolean.TRUE.equals(s.ready())
                || s.v4Ip() == null
                || s.v4Ip().isBlank()) {
            return null;
        }
        return s.v4Ip();
    }
}
