package com.kubedc.net.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/** One user of an EIp: {@code type} is Snat, ServiceLb or FIp; {@code ownerRef} the user's name. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EIpOwner {
    public static final String SNAT = "Snat";
    public static final String SERVICE_LB = "ServiceLb";
    public static final String FIP = "FIp";

    private String ownerRef;
    private String type;

    public EIpOwner() {}

    public EIpOwner(String type, String ownerRef) {
        this.type = type;
        this.ownerRef = ownerRef;
    }

    public String getOwnerRef() {
        return ownerRef;
    }

    public void setOwnerRef(String ownerRef) {
        this.ownerRef = ownerRef;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EIpOwner other
                && Objects.equals(ownerRef, other.ownerRef)
                && Objects.equals(type, other.type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ownerRef, type);
    }

    @Override
    public String toString() {
        return type + "/" + ownerRef;
    }
}
