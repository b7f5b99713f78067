package com.kubedc.net.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** Observed state of an FIp, written only by the FIp reconciler. Required keys are always present. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FIpStatus {
    @Required
    private String eip = "";

    @Required
    @JsonProperty("externalIP")
    private String externalIP = "";

    @Required
    private String ovnFip = "";

    @Required
    @Default("false")
    private boolean ready;

    @JsonProperty("resolvedTargetIP")
    private String resolvedTargetIP;

    @JsonProperty("targetVMInterface")
    private TargetVmInterface targetVMInterface;

    private List<Condition> conditions = new ArrayList<>();

    public String getEip() {
        return eip;
    }

    public void setEip(String eip) {
        this.eip = eip;
    }

    @JsonProperty("externalIP")
    public String getExternalIP() {
        return externalIP;
    }

    @JsonProperty("externalIP")
    public void setExternalIP(String externalIP) {
        this.externalIP = externalIP;
    }

    public String getOvnFip() {
        return ovnFip;
    }

    public void setOvnFip(String ovnFip) {
        this.ovnFip = ovnFip;
    }

    public boolean isReady() {
        return ready;
    }

    public void setReady(boolean ready) {
        this.ready = ready;
    }

    @JsonProperty("resolvedTargetIP")
    public String getResolvedTargetIP() {
        return resolvedTargetIP;
    }

    @JsonProperty("resolvedTargetIP")
    public void setResolvedTargetIP(String resolvedTargetIP) {
        this.resolvedTargetIP = resolvedTargetIP;
    }

    @JsonProperty("targetVMInterface")
    public TargetVmInterface getTargetVMInterface() {
        return targetVMInterface;
    }

    @JsonProperty("targetVMInterface")
    public void setTargetVMInterface(TargetVmInterface targetVMInterface) {
        this.targetVMInterface = targetVMInterface;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }
}
