package com.kubedc.net.thirdparty.kubevirt;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.List;

/** KubeVirt VMI: only what FIp target resolution reads, {@code status.interfaces}. */
@Group("kubevirt.io")
@Version("v1")
@Plural("virtualmachineinstances")
public class VirtualMachineInstance extends CustomResource<Void, VirtualMachineInstance.Status> implements Namespaced {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(List<Interface> interfaces, String phase) {}

    /** One entry of {@code status.interfaces}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Interface(
            String name,
            String interfaceName,
            String ipAddress,
            List<String> ipAddresses,
            String mac,
            String infoSource) {}
}
