package com.kubedc.net.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.kubedc.net.support.Chart;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The chart's ValidatingAdmissionPolicies (Decision 13), their variables and validations evaluated with CEL. */
class AdmissionPoliciesTest {
    static final Cel CEL = CelFactory.standardCelBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("object", SimpleType.DYN)
            .addVar("oldObject", SimpleType.DYN)
            .addVar("variables", SimpleType.DYN)
            .addVar("request", SimpleType.DYN)
            .build();

    static final List<HasMetadata> CHART = Chart.render(Map.of());

    static JsonNode policy(String name) {
        return CHART.stream()
                .filter(o -> o.getKind().equals("ValidatingAdmissionPolicy")
                        && o.getMetadata().getName().equals(name))
                .findFirst()
                .map(o -> (JsonNode) Serialization.jsonMapper().valueToTree(o))
                .orElseThrow(() -> new AssertionError("no policy " + name));
    }

    static Map<String, Object> request(String user, List<String> groups, String operation) {
        return Map.of("userInfo", Map.of("username", user, "groups", groups), "operation", operation);
    }

    static final Map<String, Object> TENANT = request("alice", List.of("system:authenticated", "org-admin"), "UPDATE");

    static boolean admits(String policy, Map<String, Object> object, Map<String, Object> oldObject) throws Exception {
        return admits(policy, object, oldObject, TENANT);
    }

    /** True when the policy does not match the request or every validation admits it. */
    static boolean admits(
            String policy, Map<String, Object> object, Map<String, Object> oldObject, Map<String, Object> request)
            throws Exception {
        JsonNode spec = policy(policy).path("spec");
        Map<String, Object> vars = new HashMap<>();
        vars.put("object", object);
        vars.put("oldObject", oldObject);
        vars.put("request", request);
        Map<String, Object> variables = new HashMap<>();
        vars.put("variables", variables);
        for (JsonNode c : spec.path("matchConditions")) {
            if (!(Boolean) eval(c.path("expression").asText(), vars)) {
                return true;
            }
        }
        for (JsonNode v : spec.path("variables")) {
            variables.put(v.path("name").asText(), eval(v.path("expression").asText(), vars));
        }
        for (JsonNode v : spec.path("validations")) {
            if (!(Boolean) eval(v.path("expression").asText(), vars)) {
                return false;
            }
        }
        return true;
    }

    static Object eval(String expr, Map<String, Object> vars) throws Exception {
        return CEL.createProgram(CEL.compile(expr).getAst()).eval(vars);
    }

    static Map<String, Object> project(String type) {
        return Map.of("spec", Map.of("cidrBlock", "10.0.0.0/24", "egressNetworkType", type));
    }

    static Map<String, Object> service(String type, boolean addressed) {
        Map<String, Object> svc = new HashMap<>();
        svc.put(
                "metadata",
                type == null
                        ? Map.of("name", "s")
                        : Map.of(
                                "name", "s", "annotations", Map.of("network.kube-dc.com/external-network-type", type)));
        if (addressed) {
            svc.put("status", Map.of("loadBalancer", Map.of("ingress", List.of(Map.of("ip", "100.65.0.150")))));
        }
        return svc;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("kube-dc-net-public-projects", project("cloud"), null, true),
                Arguments.of("kube-dc-net-public-projects", project("public"), null, false),
                Arguments.of(
                        "kube-dc-net-service-network-type", service("public", false), service("cloud", false), true),
                Arguments.of("kube-dc-net-service-network-type", service("public", true), service(null, false), true),
                Arguments.of("kube-dc-net-service-network-type", service("cloud", true), service("cloud", true), true),
                Arguments.of("kube-dc-net-service-network-type", service(null, true), service(null, true), true),
                Arguments.of(
                        "kube-dc-net-service-network-type", service("public", true), service("cloud", true), false),
                Arguments.of("kube-dc-net-service-network-type", service(null, true), service("cloud", true), false));
    }

    static Map<String, Object> annotated(Map<String, String> annotations) {
        return Map.of(
                "metadata",
                Map.of("name", "p", "annotations", annotations),
                "spec",
                Map.of("cidrBlock", "10.0.0.0/24"));
    }

    static final String EGRESS = "network.kube-dc.com/egress-allowlist";
    static final String POLICY = "kube-dc-net-project-annotations";

    static Stream<Arguments> annotationCases() {
        var platformSa = request(
                "system:serviceaccount:kube-dc:upstream-manager",
                List.of("system:serviceaccounts", "system:serviceaccounts:kube-dc"),
                "UPDATE");
        var admin = request("admin", List.of("system:masters"), "UPDATE");
        var ours = request("system:serviceaccount:kube-dc:kube-dc-net", List.of(), "UPDATE");
        var none = annotated(Map.of("note", "x"));
        var open = annotated(Map.of("note", "x", EGRESS, "0.0.0.0/0"));
        var narrow = annotated(Map.of("note", "y", EGRESS, "10.0.0.1"));
        return Stream.of(
                Arguments.of("tenant adds an allowlist", TENANT, open, none, false),
                Arguments.of("tenant widens an allowlist", TENANT, open, narrow, false),
                Arguments.of("tenant removes an allowlist", TENANT, none, narrow, false),
                Arguments.of(
                        "tenant edits other annotations",
                        TENANT,
                        annotated(Map.of("note", "z", EGRESS, "10.0.0.1")),
                        narrow,
                        true),
                Arguments.of(
                        "tenant creates with an allowlist",
                        request("alice", List.of("system:authenticated"), "CREATE"),
                        open,
                        null,
                        false),
                Arguments.of(
                        "tenant creates without one",
                        request("alice", List.of("system:authenticated"), "CREATE"),
                        none,
                        null,
                        true),
                Arguments.of("a service account of the release namespace", platformSa, open, none, true),
                Arguments.of("system:masters", admin, open, none, true),
                Arguments.of("the controller", ours, open, none, true));
    }

    @ParameterizedTest(name = "{0} → admitted {4}")
    @MethodSource("annotationCases")
    void onlyThePlatformChangesAProjectsNetworkAnnotations(
            String what,
            Map<String, Object> request,
            Map<String, Object> object,
            Map<String, Object> oldObject,
            boolean admitted)
            throws Exception {
        assertEquals(admitted, admits(POLICY, object, oldObject, request));
    }

    @ParameterizedTest(name = "{0}: new={1} old={2} → admitted {3}")
    @MethodSource("cases")
    void policyAdmitsOrDenies(
            String policy, Map<String, Object> object, Map<String, Object> oldObject, boolean admitted)
            throws Exception {
        assertEquals(admitted, admits(policy, object, oldObject == null ? Map.of() : oldObject));
    }
}
