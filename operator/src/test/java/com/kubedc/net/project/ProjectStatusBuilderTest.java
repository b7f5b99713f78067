package com.kubedc.net.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.api.v1.Project;
import com.kubedc.net.api.v1.ProjectSecurity;
import com.kubedc.net.api.v1.ProjectStatus;
import com.kubedc.net.api.v1.QuotaUsage;
import com.kubedc.net.support.Fixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The status we compute carries our fields only; what other controllers write is never ours to compare or write. */
class ProjectStatusBuilderTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    static Project withOthersStatus() {
        Project p = Fixtures.project("acme", "dev", "10.0.10.0/24", "cloud");
        ProjectStatus s = new ProjectStatus();
        s.setNamespace("acme-dev");
        s.setGatewayIP("100.65.0.101");
        s.setQuotaUsage(new QuotaUsage(
                new QuotaUsage.Amount("8", "1.5"),
                null,
                null,
                null,
                null,
                Map.of("nvidia-a10", new QuotaUsage.Accelerator(null, new QuotaUsage.Amount("2", "1"), null, null)),
                true,
                "2026-01-01T00:00:00Z"));
        s.setSecurity(new ProjectSecurity(
                new ProjectSecurity.Service(3, true, 2, 0), null, null, null, List.of(), "kv/acme-dev", null, null));
        p.setStatus(s);
        return p;
    }

    @Test
    void oursHoldsOnlyTheFieldsTheProjectReconcilerWrites() {
        var ours = ProjectStatusBuilder.ours(withOthersStatus().getStatus());
        List<String> fields = new java.util.ArrayList<>();
        ours.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("ready", "namespace", "gatewayIP", "conditions"), fields);
    }

    @Test
    void invalidInputKeepsTheKnownGatewayAddressAndSetsNothingOfOthers() {
        ProjectStatus next =
                ProjectStatusBuilder.invalid(withOthersStatus(), new Problem(Reasons.INVALID_CIDR, "bad"), CLOCK);
        assertEquals("100.65.0.101", next.getGatewayIP());
        assertNull(next.getQuotaUsage());
        assertNull(next.getSecurity());
    }

    @Test
    void progressReportsTheDefaultGatewayEIpsAddress() {
        Project p = withOthersStatus();
        Plan plan = ProjectDesiredTest.plan(p);
        var gw = Fixtures.eipWithAddress("acme-dev", "default-gw", "100.65.0.7");
        ProjectStatus next =
                ProjectStatusBuilder.progress(p, plan, new Observed(null, null, null, null, gw, null), CLOCK);
        assertEquals("100.65.0.7", next.getGatewayIP());
        assertNull(next.getQuotaUsage());
        assertNull(next.getSecurity());
        assertNull(ProjectStatusBuilder.progress(p, plan, new Observed(null, null, null, null, null, null), CLOCK)
                .getGatewayIP());
    }

    @Test
    void aStepOnTheWayIsNotSettledAndABadInputOrTerminationIs() {
        Project p = withOthersStatus();
        Plan plan = ProjectDesiredTest.plan(p);
        ProjectStatusSpec spec = new ProjectStatusSpec(x -> x.getStatus());
        ProjectStatus waiting =
                ProjectStatusBuilder.progress(p, plan, new Observed(null, null, null, null, null, null), CLOCK);
        assertEquals(
                Reasons.WAITING_FOR_KUBE_OVN,
                com.kubedc.net.vocabulary.Conditions.reason(
                        waiting.getConditions(), com.kubedc.net.vocabulary.Conditions.READY));
        assertFalse(spec.settled(waiting), "written at most once per progress interval");
        assertTrue(spec.settled(ProjectStatusBuilder.invalid(p, new Problem(Reasons.INVALID_CIDR, "bad"), CLOCK)));
        p.setStatus(waiting);
        assertTrue(spec.settled(ProjectTeardown.terminating(p, "deleting the Vpc", CLOCK)));
    }
}
