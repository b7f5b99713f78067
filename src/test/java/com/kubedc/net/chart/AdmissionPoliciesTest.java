package com.kubedc.net.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The chart's ValidatingAdmissionPolicies (Decision 13), their variables and validations evaluated with CEL. */
class AdmissionPoliciesTest {
    static final Cel CEL = CelFactory.standardCelBuilder().setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("object", SimpleType.DYN).addVar("oldObject", SimpleType.DYN).addVar("variables", SimpleType.DYN).build();
    static final YAMLMapper YAML = new YAMLMapper();

    static JsonNode policy(String name) throws Exception {
        var it = YAML.readerFor(JsonNode.class).readValues(Path.of("src/main/kubernetes/kubernetes.yml").toFile());
        while (it.hasNext()) {
            JsonNode doc = (JsonNode) it.next();
            if ("ValidatingAdmissionPolicy".equals(doc.path("kind").asText()) && name.equals(doc.path("metadata").path("name").asText())) {
                return doc;
            }
        }
        throw new AssertionError("no policy " + name);
    }

    /** True when every validation of the policy admits the request. */
    static boolean admits(String policy, Map<String, Object> object, Map<String, Object> oldObject) throws Exception {
        JsonNode spec = policy(policy).path("spec");
        Map<String, Object> vars = new HashMap<>();
        vars.put("object", object);
        vars.put("oldObject", oldObject);
        Map<String, Object> variables = new HashMap<>();
        vars.put("variables", variables);
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
        svc.put("metadata", type == null ? Map.of("name", "s") : Map.of("name", "s", "annotations", Map.of("network.kube-dc.com/external-network-type", type)));
        if (addressed) {
            svc.put("status", Map.of("loadBalancer", Map.of("ingress", List.of(Map.of("ip", "100.65.0.150")))));
        }
        return svc;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("kube-dc-net-public-projects", project("cloud"), null, true),
                Arguments.of("kube-dc-net-public-projects", project("public"), null, false),
                Arguments.of("kube-dc-net-service-network-type", service("public", false), service("cloud", false), true),
                Arguments.of("kube-dc-net-service-network-type", service("public", true), service(null, false), true),
                Arguments.of("kube-dc-net-service-network-type", service("cloud", true), service("cloud", true), true),
                Arguments.of("kube-dc-net-service-network-type", service(null, true), service(null, true), true),
                Arguments.of("kube-dc-net-service-network-type", service("public", true), service("cloud", true), false),
                Arguments.of("kube-dc-net-service-network-type", service(null, true), service("cloud", true), false));
    }

    @ParameterizedTest(name = "{0}: new={1} old={2} → admitted {3}")
    @MethodSource("cases")
    void policyAdmitsOrDenies(String policy, Map<String, Object> object, Map<String, Object> oldObject, boolean admitted) throws Exception {
        assertEquals(admitted, admits(policy, object, oldObject == null ? Map.of() : oldObject));
    }
}
