package com.kubedc.net.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** Observed state of an EIp, written only by the EIp reconciler. Required keys are always present. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EIpStatus {
    public static final String RELEASED = "Released";
    public static final String SHARED = "Shared";
    public static final String EXCLUSIVE = "Exclusive";

    @JsonPropertyDescription("allocated external IP address")
    private String ipAddress;

    @Required
    @JsonProperty("ovnEIpRef")
    @JsonPropertyDescription("name of the backing OvnEip")
    private String ovnEIpRef = "";

    @Required
    @Default("false")
    private boolean ready;

    @Required
    @Default("Released")
    @JsonPropertyDescription("Released (no owners), Shared (SNAT and/or LoadBalancer services) or Exclusive (one FIp)")
    private String ownershipType = RELEASED;

    private List<EIpOwner> owners;

    @JsonPropertyDescription("whether the EIP should be automatically deleted when released")
    private Boolean deleteReleased;

    private List<Condition> conditions = new ArrayList<>();

    public String getIpAddress() {
        return ipAddress;
    }

    public void setIpAddress(String ipAddress) {
        this.ipAddress = ipAddress;
    }

    @JsonProperty("ovnEIpRef")
    public String getOvnEIpRef() {
        return ovnEIpRef;
    }

    @JsonProperty("ovnEIpRef")
    public void setOvnEIpRef(String ovnEIpRef) {
        this.ovnEIpRef = ovnEIpRef;
    }

    public boolean isReady() {
        return ready;
    }

    public void setReady(boolean ready) {
        this.ready = ready;
    }

    public String getOwnershipType() {
        return ownershipType;
    }

    public void setOwnershipType(String ownershipType) {
        this.ownershipType = ownershipType;
    }

    public List<EIpOwner> getOwners() {
        return owners;
    }

    public void setOwners(List<EIpOwner> owners) {
        this.owners = owners;
    }

    public Boolean getDeleteReleased() {
        return deleteReleased;
    }

    public void setDeleteReleased(Boolean deleteReleased) {
        this.deleteReleased = deleteReleased;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }
}
