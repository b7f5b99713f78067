package com.kubedc.net.api.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kubedc.net.api.PrinterColumnOrder;
import com.kubedc.net.testkit.Crds;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Printer columns in upstream's order (spec §2.2, §2.3; Project's are ours, upstream has none),
 * in the chart's CRD files (what users and the real-server tests install) and as generated.
 */
class PrinterColumnsTest {
    /** name|jsonPath|type|priority, in display order. */
    static final Map<String, List<String>> EXPECTED = Map.of(
            "eips",
                    List.of(
                            "External IP|.status.ipAddress|string|0",
                            "Ready|.status.ready|boolean|0",
                            "Age|.metadata.creationTimestamp|date|0",
                            "Ownership|.status.ownershipType|string|0"),
            "fips",
                    List.of(
                            "Target IP|.status.resolvedTargetIP|string|0",
                            "External IP|.status.externalIP|string|0",
                            "VM|.status.targetVMInterface.vmName|string|0",
                            "Interface|.status.targetVMInterface.interfaceName|string|0",
                            "Ready|.status.ready|boolean|0"),
            "projects",
                    List.of(
                            "Ready|.status.conditions[?(@.type==\"Ready\")].status|string|0",
                            "Project Namespace|.status.namespace|string|0",
                            "Egress|.spec.egressNetworkType|string|1",
                            "Gateway IP|.status.gatewayIP|string|1",
                            "Age|.metadata.creationTimestamp|date|0"));

    static List<String> columns(CustomResourceDefinition crd) {
        return crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns().stream()
                .map(c -> c.getName() + "|" + c.getJsonPath() + "|" + c.getType() + "|" + c.getPriority())
                .toList();
    }

    static CustomResourceDefinition chart(String crd) {
        return Crds.read(Crds.CHART).stream()
                .filter(c -> c.getMetadata().getName().equals(crd + ".kube-dc.com"))
                .findFirst()
                .orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eips", "fips", "projects"})
    void theChartsCrdListsItsColumnsInUpstreamsOrder(String crd) {
        assertEquals(EXPECTED.get(crd), columns(chart(crd)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eips", "fips", "projects"})
    void theGeneratorWithOurPostProcessorProducesThatOrder(String crd) {
        assertEquals(EXPECTED.get(crd), columns(GeneratedCrds.get(crd)));
    }

    @Test
    void thePostProcessorOrdersColumnsAsTheKindDeclaresThemAndPutsUndeclaredOnesLast() {
        List<CustomResourceColumnDefinition> alphabetical =
                List.of(column("Age"), column("Extra"), column("External IP"), column("Ownership"), column("Ready"));
        assertEquals(
                List.of("External IP", "Ready", "Age", "Ownership", "Extra"),
                PrinterColumnOrder.sorted(alphabetical, PrinterColumnOrder.declared("EIp")).stream()
                        .map(CustomResourceColumnDefinition::getName)
                        .toList());
        assertEquals(List.of(), PrinterColumnOrder.declared("NotOurKind"));
    }

    @Test
    void theBuildRunsThePostProcessor() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            p.load(in);
        }
        assertEquals(PrinterColumnOrder.class.getName(), p.getProperty("quarkus.operator-sdk.crd.post-processor"));
    }

    static CustomResourceColumnDefinition column(String name) {
        return new CustomResourceColumnDefinitionBuilder()
                .withName(name)
                .withJsonPath(".x")
                .withType("string")
                .build();
    }
}
