package com.kubedc.net.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** Desired external IP: a pool to allocate from, or an existing OvnEip to adopt. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value =
                "(has(self.externalNetworkType) && self.externalNetworkType != \"\") ? !has(self.childRef) || self.childRef == \"\" : true",
        message = "externalNetworkType and childRef cannot be set at the same time")
public class EIpSpec {
    @ValidationRule(value = "self == oldSelf", message = "externalNetworkType is immutable")
    @JsonPropertyDescription("External network type to allocate from (public or cloud); omitted: the platform default")
    private String externalNetworkType;

    @ValidationRule(value = "self == oldSelf", message = "childRef is immutable")
    @JsonPropertyDescription("child object reference: name of an existing OvnEip to adopt")
    private String childRef;

    public String getExternalNetworkType() {
        return externalNetworkType;
    }

    public void setExternalNetworkType(String externalNetworkType) {
        this.externalNetworkType = externalNetworkType;
    }

    public String getChildRef() {
        return childRef;
    }

    public void setChildRef(String childRef) {
        this.childRef = childRef;
    }
}
