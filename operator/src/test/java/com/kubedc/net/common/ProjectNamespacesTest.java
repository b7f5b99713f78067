package com.kubedc.net.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kubedc.net.common.ProjectNamespaces.Gate;
import com.kubedc.net.common.ProjectNamespaces.Membership;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tier 1: which namespaces give new addresses, and the refusal counter's labels. */
class ProjectNamespacesTest {
    static Namespace ns(Map<String, String> labels) {
        return new NamespaceBuilder()
                .withNewMetadata()
                .withName("n")
                .withLabels(labels)
                .endMetadata()
                .build();
    }

    @Test
    void aNamespaceIsAProjectsByItsLabelAndUnknownWhileNotCached() {
        assertEquals(Membership.PROJECT, Membership.of(Optional.of(ns(Map.of(Keys.PROJECT, "")))));
        assertEquals(Membership.OTHER, Membership.of(Optional.of(ns(Map.of("kubernetes.io/metadata.name", "n")))));
        assertEquals(
                Membership.OTHER,
                Membership.of(Optional.of(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("n")
                        .endMetadata()
                        .build())));
        assertEquals(Membership.UNKNOWN, Membership.of(Optional.empty()));
    }

    @Test
    void newAddressesOnlyInProjectNamespacesWhatIsHeldIsKeptAndAnUnseenNamespaceIsAWait() {
        record Case(Membership membership, boolean holds, Gate gate) {}
        for (Case c : new Case[] {
            new Case(Membership.PROJECT, false, Gate.PROCEED),
            new Case(Membership.PROJECT, true, Gate.PROCEED),
            new Case(Membership.OTHER, false, Gate.REFUSE),
            new Case(Membership.OTHER, true, Gate.PROCEED),
            new Case(Membership.UNKNOWN, false, Gate.WAIT),
            new Case(Membership.UNKNOWN, true, Gate.PROCEED)
        }) {
            assertEquals(c.gate(), ProjectNamespaces.gate(c.membership(), c.holds()), c.toString());
        }
    }

    @Test
    void theRefusalMessageNamesTheNamespace() {
        String m = ProjectNamespaces.refusal("EIp one", "platform");
        assertEquals(true, m.contains("namespace platform") && m.contains("EIp one"), m);
    }

    @Test
    void refusalsAreCountedByKindAndReasonOnly() {
        var registry = new SimpleMeterRegistry();
        Refusals.count(registry, Refusals.EIP, ProjectNamespaces.NOT_A_PROJECT_NAMESPACE);
        Refusals.count(registry, Refusals.EIP, ProjectNamespaces.NOT_A_PROJECT_NAMESPACE);
        Refusals.count(registry, Refusals.FIP, ProjectNamespaces.NOT_A_PROJECT_NAMESPACE);
        assertEquals(
                2,
                registry.find(Refusals.METRIC)
                        .tags("kind", "EIp", "reason", "NotAProjectNamespace")
                        .counter()
                        .count());
        assertEquals(2, registry.find(Refusals.METRIC).meters().size());
        registry.find(Refusals.METRIC)
                .meters()
                .forEach(m ->
                        assertEquals(2, m.getId().getTags().size(), m.getId().toString()));
    }
}
