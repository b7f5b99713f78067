package com.kubedc.net.api.v1;

import static com.kubedc.net.api.v1.GeneratedCrds.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generated CRDs have upstream's names, scope, required fields, enums, defaults and printer columns (spec §2.1–2.3). */
class CrdSchemaTest {
    @Test
    void namesScopeAndStatusSubresource() {
        for (String[] n :
                new String[][] {{"projects", "Project", "project"}, {"eips", "EIp", "eip"}, {"fips", "FIp", "fip"}}) {
            var crd = GeneratedCrds.get(n[0]);
            assertEquals(n[0] + ".kube-dc.com", crd.getMetadata().getName());
            assertEquals("kube-dc.com", crd.getSpec().getGroup());
            assertEquals(n[1], crd.getSpec().getNames().getKind());
            assertEquals(n[0], crd.getSpec().getNames().getPlural());
            assertEquals(n[2], crd.getSpec().getNames().getSingular());
            assertEquals("Namespaced", crd.getSpec().getScope());
            assertEquals(1, crd.getSpec().getVersions().size());
            assertEquals("v1", crd.getSpec().getVersions().get(0).getName());
            assertNotNull(crd.getSpec().getVersions().get(0).getSubresources().getStatus());
        }
    }

    @Test
    void projectSpecRequiresCidrAndEgressTypeWhichIsAnEnum() {
        assertEquals(
                List.of("cidrBlock", "egressNetworkType"),
                at("projects", "spec").getRequired());
        assertEquals(
                List.of("cloud", "public"),
                at("projects", "spec.egressNetworkType").getEnum().stream()
                        .map(JsonNode::asText)
                        .sorted()
                        .toList());
        assertEquals("false", at("projects", "status.ready").getDefault().asText());
    }

    /** Written by upstream's quota and security controllers: in the schema so the API server keeps them. */
    @Test
    void projectStatusHasUpstreamsQuotaUsageAndSecurity() {
        for (String r : List.of("cpu", "memory", "storage", "pods")) {
            assertEquals(
                    List.of("hard", "used"),
                    at("projects", "status.quotaUsage." + r).getRequired().stream()
                            .sorted()
                            .toList());
            assertEquals(
                    "string", at("projects", "status.quotaUsage." + r + ".hard").getType());
            assertEquals(
                    "string", at("projects", "status.quotaUsage." + r + ".used").getType());
        }
        var accelerator = at("projects", "status.quotaUsage.accelerators")
                .getAdditionalProperties()
                .getSchema();
        assertEquals(
                List.of("corePercent", "devices", "memoryMiB", "shares"),
                accelerator.getProperties().keySet().stream().sorted().toList());
        assertEquals(
                List.of("platformOverhead", "workloads"),
                at("projects", "status.quotaUsage.cpuBreakdown").getProperties().keySet().stream()
                        .sorted()
                        .toList());
        assertEquals(
                "boolean",
                at("projects", "status.quotaUsage.perProjectQuotaSet").getType());
        assertEquals("string", at("projects", "status.quotaUsage.lastUpdated").getType());
        assertEquals(
                List.of(
                        "certificateManager",
                        "conditions",
                        "databaseCredentials",
                        "kms",
                        "kvMount",
                        "secretStoreName",
                        "secretsManager",
                        "syncServiceAccount"),
                at("projects", "status.security").getProperties().keySet().stream()
                        .sorted()
                        .toList());
        for (String s : List.of("secretsManager", "certificateManager", "kms", "databaseCredentials")) {
            var service = at("projects", "status.security." + s);
            assertEquals(
                    Map.of("count", "integer", "expiringSoon", "integer", "ready", "boolean", "synced", "integer"),
                    service.getProperties().entrySet().stream()
                            .collect(Collectors.toMap(
                                    Map.Entry::getKey, e -> e.getValue().getType())));
        }
        assertEquals("array", at("projects", "status.security.conditions").getType());
    }

    @Test
    void eipStatusRequiresUpstreamKeysWithDefaultsAndTheNetworkTypeHasNoEnum() {
        var eipTypeEnum = at("eips", "spec.externalNetworkType").getEnum();
        assertTrue(eipTypeEnum == null || eipTypeEnum.isEmpty(), "upstream's EIp type is a free string");
        assertEquals(
                List.of("ovnEIpRef", "ownershipType", "ready"),
                at("eips", "status").getRequired().stream().sorted().toList());
        assertEquals("Released", at("eips", "status.ownershipType").getDefault().asText());
        assertEquals("false", at("eips", "status.ready").getDefault().asText());
        assertNotNull(at("eips", "status.owners"));
        assertNotNull(at("eips", "status.deleteReleased"));
    }

    @Test
    void fipSchemaRequiredKeysAndEnum() {
        assertEquals(
                List.of("eip", "externalIP", "ovnFip", "ready"),
                at("fips", "status").getRequired().stream().sorted().toList());
        assertEquals(
                List.of("interfaceName", "ipAddress", "vmName"),
                at("fips", "status.targetVMInterface").getRequired().stream()
                        .sorted()
                        .toList());
        assertEquals(List.of("vmName"), at("fips", "spec.vmTarget").getRequired());
        assertEquals(
                List.of("cloud", "public"),
                at("fips", "spec.externalNetworkType").getEnum().stream()
                        .map(JsonNode::asText)
                        .sorted()
                        .toList());
        assertNotNull(at("fips", "status.resolvedTargetIP"));
    }

    /** Each printer column's JSONPath, evaluated on a sample object, shows the expected value. */
    @Test
    void printerColumnPathsResolveOnSampleObjects() {
        JsonNode eip = Serialization.unmarshal("""
                {"metadata":{"name":"default-gw","creationTimestamp":"2026-01-01T00:00:00Z"},
                 "status":{"ipAddress":"100.65.0.101","ready":true,"ownershipType":"Shared","ovnEIpRef":"x"}}""", JsonNode.class);
        assertEquals(
                Map.of(
                        "External IP",
                        "100.65.0.101",
                        "Ready",
                        "true",
                        "Age",
                        "2026-01-01T00:00:00Z",
                        "Ownership",
                        "Shared"),
                values("eips", eip));
        JsonNode fip = Serialization.unmarshal("""
                {"status":{"resolvedTargetIP":"10.0.0.5","externalIP":"168.119.17.51","ready":false,
                 "targetVMInterface":{"vmName":"vm1","interfaceName":"vpc_net_0","ipAddress":"10.0.0.5"}}}""", JsonNode.class);
        assertEquals(
                Map.of(
                        "Target IP",
                        "10.0.0.5",
                        "External IP",
                        "168.119.17.51",
                        "VM",
                        "vm1",
                        "Interface",
                        "vpc_net_0",
                        "Ready",
                        "false"),
                values("fips", fip));
    }

    static Map<String, String> values(String crd, JsonNode sample) {
        return GeneratedCrds.get(crd).getSpec().getVersions().get(0).getAdditionalPrinterColumns().stream()
                .collect(Collectors.toMap(
                        CustomResourceColumnDefinition::getName, c -> jsonPath(sample, c.getJsonPath())));
    }

    /** Simple {@code .a.b.c} JSONPath, as printer columns use. */
    static String jsonPath(JsonNode node, String path) {
        JsonNode n = node;
        for (String seg : path.substring(1).split("\\.")) {
            n = n.path(seg);
        }
        return n.asText();
    }
}
