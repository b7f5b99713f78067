package com.kubedc.net.loadbalancer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kubedc.net.common.ProjectNamespaces.Membership;
import com.kubedc.net.support.Services;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.ServiceAddresses;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tier 1: which Services are told they get no address outside project namespaces, and what that status keeps. */
class LbScopeTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    static Service lb() {
        return Services.loadBalancer("platform", "web", Map.of(), "http:80>80");
    }

    @Test
    void onlyALiveLoadBalancerWithoutAClassInANamespaceKnownNotToBeAProjectsIsRefused() {
        Service plain = lb();
        Service metallb = lb();
        metallb.getSpec().setLoadBalancerClass("metallb");
        Service clusterIp = lb();
        clusterIp.getSpec().setType("ClusterIP");
        Service deleting = lb();
        deleting.getMetadata().setDeletionTimestamp("2026-01-01T00:00:00Z");
        record Case(Service s, Membership m, boolean refused) {}
        for (Case c : List.of(
                new Case(plain, Membership.OTHER, true),
                new Case(plain, Membership.PROJECT, false),
                new Case(plain, Membership.UNKNOWN, false), // our cache lags behind a new namespace: wait for it
                new Case(metallb, Membership.OTHER, false),
                new Case(clusterIp, Membership.OTHER, false),
                new Case(deleting, Membership.OTHER, false))) {
            assertEquals(c.refused(), LbScope.refusedHere(c.s(), c.m()), c.s().getSpec() + " " + c.m());
        }
    }

    @Test
    void theRefusalSetsOurConditionAndLeavesIngressAndOtherConditionsAsTheyAre() {
        Service s = lb();
        ServiceStatus theirs = new ServiceStatus();
        theirs.setLoadBalancer(
                new io.fabric8.kubernetes.api.model.LoadBalancerStatus(List.of(LbStatus.ingress("192.0.2.7"))));
        theirs.setConditions(List.of(new io.fabric8.kubernetes.api.model.ConditionBuilder()
                .withType("example.com/Other")
                .withStatus("True")
                .withReason("Fine")
                .withMessage("")
                .withLastTransitionTime("2025-01-01T00:00:00Z")
                .build()));
        s.setStatus(theirs);
        ServiceStatus next = LbStatus.refused(s, theirs, "namespace platform is not a project namespace", CLOCK);
        assertEquals(List.of("192.0.2.7"), ServiceAddresses.ips(next));
        assertEquals(
                List.of("example.com/Other", LbReasons.LOAD_BALANCER_READY),
                next.getConditions().stream().map(c -> c.getType()).toList());
        assertEquals(
                LbReasons.NOT_A_PROJECT_NAMESPACE,
                Conditions.reason(next.getConditions(), LbReasons.LOAD_BALANCER_READY));
        assertEquals(
                Conditions.FALSE,
                Conditions.find(next.getConditions(), LbReasons.LOAD_BALANCER_READY)
                        .get()
                        .getStatus());
    }
}
