package com.kubedc.net.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/**
 * {@code Project.status.security}, upstream's schema: the OpenBao / External Secrets rollup,
 * written by upstream's security aggregator, never by us; modelled so the API server keeps it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectSecurity(
        Service secretsManager,
        Service certificateManager,
        Service kms,
        Service databaseCredentials,
        List<Condition> conditions,

        @JsonPropertyDescription("OpenBao KV v2 mount path of the project's ManagedSecrets")
        String kvMount,

        @JsonPropertyDescription("External Secrets SecretStore in the project namespace")
        String secretStoreName,

        @JsonPropertyDescription("ServiceAccount ESO uses to authenticate to OpenBao")
        String syncServiceAccount) {

    /** Rollup of one security service's objects in the project. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Service(Integer count, Boolean ready, Integer synced, Integer expiringSoon) {}
}
