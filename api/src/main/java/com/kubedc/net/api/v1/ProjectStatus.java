package com.kubedc.net.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/**
 * Observed state of a Project. The Project reconciler writes {@link #OURS} only; {@code quotaUsage}
 * and {@code security} belong to upstream's other controllers and are never written by us.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProjectStatus {
    /** The status fields the Project reconciler writes; every other field is someone else's. */
    public static final List<String> OURS = List.of("ready", "namespace", "gatewayIP", "conditions");

    @Default("false")
    @JsonPropertyDescription("all project objects are deployed in namespace and have no errors")
    private boolean ready;

    @JsonPropertyDescription("generated backing namespace {org}-{project}")
    private String namespace;

    @JsonPropertyDescription("external address of the project's egress gateway (EIp default-gw)")
    private String gatewayIP;

    private List<Condition> conditions = new ArrayList<>();

    @JsonPropertyDescription(
            "aggregated resource usage of the project namespace; written by the quota controller, never by kube-dc-net")
    private QuotaUsage quotaUsage;

    @JsonPropertyDescription(
            "rollup of the project's security.kube-dc.com objects; written by the security aggregator, never by kube-dc-net")
    private ProjectSecurity security;

    public boolean isReady() {
        return ready;
    }

    public void setReady(boolean ready) {
        this.ready = ready;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public String getGatewayIP() {
        return gatewayIP;
    }

    public void setGatewayIP(String gatewayIP) {
        this.gatewayIP = gatewayIP;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    public QuotaUsage getQuotaUsage() {
        return quotaUsage;
    }

    public void setQuotaUsage(QuotaUsage quotaUsage) {
        this.quotaUsage = quotaUsage;
    }

    public ProjectSecurity getSecurity() {
        return security;
    }

    public void setSecurity(ProjectSecurity security) {
        this.security = security;
    }
}
