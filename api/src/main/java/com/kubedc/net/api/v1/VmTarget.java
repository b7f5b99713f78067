package com.kubedc.net.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A KubeVirt VM interface in the FIp's namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VmTarget {
    @Required
    @JsonPropertyDescription("VirtualMachine / VirtualMachineInstance name in the same namespace")
    private String vmName;

    @JsonPropertyDescription("interface name; defaults to the first interface")
    private String interfaceName;

    public String getVmName() {
        return vmName;
    }

    public void setVmName(String vmName) {
        this.vmName = vmName;
    }

    public String getInterfaceName() {
        return interfaceName;
    }

    public void setInterfaceName(String interfaceName) {
        this.interfaceName = interfaceName;
    }
}
