package com.kubedc.net.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Map;

/**
 * {@code Project.status.quotaUsage}, upstream's schema. Written by upstream's quota controller,
 * never by us: modelled only so the API server keeps it (an unknown field would be pruned).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuotaUsage(
        Amount cpu,
        Amount memory,
        Amount storage,
        Amount pods,
        CpuBreakdown cpuBreakdown,

        @JsonPropertyDescription("stable GPU profile ID to its quota dimensions")
        Map<String, Accelerator> accelerators,

        @JsonPropertyDescription("true when an explicit per-project ResourceQuota exists")
        Boolean perProjectQuotaSet,

        @JsonPropertyDescription("time of the last quota status refresh (RFC 3339)")
        String lastUpdated) {

    /** Used and hard amounts, human-readable quantities. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Amount(@Required String hard, @Required String used) {}

    /** CPU used split into the customer's workloads and platform overhead, in cores. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CpuBreakdown(String platformOverhead, String workloads) {}

    /** Quota of one GPU profile. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Accelerator(Amount corePercent, Amount devices, Amount memoryMiB, Amount shares) {}
}
