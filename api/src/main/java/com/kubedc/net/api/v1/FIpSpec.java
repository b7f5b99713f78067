package com.kubedc.net.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.ValidationRule;

/** Desired floating IP: which EIp (or pool) and which internal target. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value =
                "(has(self.eip) && self.eip != \"\") ? !has(self.externalNetworkType) || self.externalNetworkType == \"\" : true",
        message = "eip and externalNetworkType cannot be set at the same time")
@ValidationRule(
        value = "(has(self.ipAddress) && self.ipAddress != \"\") ? !has(self.vmTarget) : true",
        message = "ipAddress and vmTarget cannot be set at the same time")
@ValidationRule(
        value = "has(self.ipAddress) || has(self.vmTarget)",
        message = "either ipAddress or vmTarget must be specified")
public class FIpSpec {
    @JsonPropertyDescription("name of an existing EIp in the same namespace")
    private String eip;

    @SchemaFrom(type = NetworkTypeSchema.class)
    @ValidationRule(value = "self == oldSelf", message = "externalNetworkType is immutable")
    @JsonPropertyDescription("pool of an EIp created for and owned by this FIp: public or cloud")
    private String externalNetworkType;

    @JsonPropertyDescription("explicit internal target IP")
    private String ipAddress;

    private VmTarget vmTarget;

    public String getEip() {
        return eip;
    }

    public void setEip(String eip) {
        this.eip = eip;
    }

    public String getExternalNetworkType() {
        return externalNetworkType;
    }

    public void setExternalNetworkType(String externalNetworkType) {
        this.externalNetworkType = externalNetworkType;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public void setIpAddress(String ipAddress) {
        this.ipAddress = ipAddress;
    }

    public VmTarget getVmTarget() {
        return vmTarget;
    }

    public void setVmTarget(VmTarget vmTarget) {
        this.vmTarget = vmTarget;
    }
}
