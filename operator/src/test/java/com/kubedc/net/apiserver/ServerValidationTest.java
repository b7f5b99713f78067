package com.kubedc.net.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.support.SharedApiServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API server enforces our CRDs (installed from the Helm chart): bad objects are refused at
 * admission with the CRD's own message, and immutable fields cannot change. No controller runs here.
 */
@Tag("server")
class ServerValidationTest {
    static final String NS = "validation";
    static KubernetesClient client;

    @BeforeAll
    static void namespace() {
        client = SharedApiServer.get().client("kube-dc-net-test-validation");
        client.resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(NS)
                        .endMetadata()
                        .build())
                .serverSideApply();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    static GenericKubernetesResource object(String kind, String name, String specJson) {
        return Serialization.unmarshal("""
                {"apiVersion": "kube-dc.com/v1", "kind": "%s", "metadata": {"name": "%s", "namespace": "%s"}, "spec": %s}
                """.formatted(kind, name, NS, specJson), GenericKubernetesResource.class);
    }

    static Stream<Arguments> refusedAtCreate() {
        return Stream.of(
                Arguments.of(
                        "Project",
                        "{\"cidrBlock\": \"10.0.0.0/24\", \"egressNetworkType\": \"internet\"}",
                        "Unsupported value: \"internet\": supported values: \"cloud\", \"public\""),
                Arguments.of("Project", "{\"cidrBlock\": \"10.0.0.0/24\"}", "spec.egressNetworkType: Required value"),
                Arguments.of("Project", "{\"egressNetworkType\": \"cloud\"}", "spec.cidrBlock: Required value"),
                Arguments.of(
                        "Project",
                        "{\"cidrBlock\": 10, \"egressNetworkType\": \"cloud\"}",
                        "spec.cidrBlock: Invalid value: \"integer\""),
                Arguments.of(
                        "EIp",
                        "{\"externalNetworkType\": \"public\", \"childRef\": \"x\"}",
                        "externalNetworkType and childRef cannot be set at the same time"),
                Arguments.of(
                        "FIp",
                        "{\"ipAddress\": \"10.0.0.5\", \"vmTarget\": {\"vmName\": \"vm\"}}",
                        "ipAddress and vmTarget cannot be set at the same time"),
                Arguments.of(
                        "FIp",
                        "{\"eip\": \"e\", \"externalNetworkType\": \"cloud\", \"ipAddress\": \"10.0.0.5\"}",
                        "eip and externalNetworkType cannot be set at the same time"),
                Arguments.of("FIp", "{\"eip\": \"e\"}", "either ipAddress or vmTarget must be specified"));
    }

    @ParameterizedTest(name = "{0} {1} is refused: {2}")
    @MethodSource
    void refusedAtCreate(String kind, String spec, String message) {
        String name = kind.toLowerCase() + "-bad-" + Integer.toHexString(spec.hashCode());
        KubernetesClientException e = assertThrows(
                KubernetesClientException.class,
                () -> client.resource(object(kind, name, spec)).create());
        assertEquals(422, e.getCode(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    static Stream<Arguments> immutable() {
        return Stream.of(
                Arguments.of(
                        "Project",
                        "{\"cidrBlock\": \"10.0.0.0/24\", \"egressNetworkType\": \"cloud\"}",
                        Map.of("egressNetworkType", "public"),
                        "egressNetworkType is immutable"),
                Arguments.of(
                        "EIp",
                        "{\"externalNetworkType\": \"cloud\"}",
                        Map.of("externalNetworkType", "public"),
                        "externalNetworkType is immutable"),
                Arguments.of(
                        "EIp", "{\"childRef\": \"adopted\"}", Map.of("childRef", "other"), "childRef is immutable"),
                Arguments.of(
                        "FIp",
                        "{\"ipAddress\": \"10.0.0.5\", \"externalNetworkType\": \"cloud\"}",
                        Map.of("externalNetworkType", "public"),
                        "externalNetworkType is immutable"));
    }

    @ParameterizedTest(name = "{0} {1}: {3}")
    @MethodSource
    void immutable(String kind, String spec, Map<String, String> change, String message) {
        String name = kind.toLowerCase() + "-imm-" + Integer.toHexString(spec.hashCode());
        GenericKubernetesResource created =
                client.resource(object(kind, name, spec)).create();
        try {
            // a merge patch without a version: a controller of the suite may update the object meanwhile
            String patch = "{\"spec\": " + io.fabric8.kubernetes.client.utils.Serialization.asJson(change) + "}";
            KubernetesClientException e = assertThrows(
                    KubernetesClientException.class,
                    () -> client.genericKubernetesResources("kube-dc.com/v1", kind)
                            .inNamespace(NS)
                            .withName(name)
                            .patch(
                                    io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                                            io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
                                    patch));
            assertEquals(422, e.getCode(), e.getMessage());
            assertTrue(e.getMessage().contains(message), e.getMessage());
        } finally {
            client.resource(created).withGracePeriod(0).delete();
        }
    }
}
