package com.kubedc.net.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** Observed state of a Project, written only by the Project reconciler. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProjectStatus {
    @Default("false")
    @JsonPropertyDescription("all project objects are deployed in namespace and have no errors")
    private boolean ready;

    @JsonPropertyDescription("generated backing namespace {org}-{project}")
    private String namespace;

    private List<Condition> conditions = new ArrayList<>();

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

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }
}
