package com.kubedc.net.api.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every CEL rule in the generated CRDs, evaluated with a CEL implementation against valid and
 * invalid objects: each rule's truth table in milliseconds. That the API server enforces them
 * with these messages is {@code apiserver.ServerValidationTest}.
 */
class CelRulesTest {
    static final Cel CEL = CelFactory.standardCelBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("self", SimpleType.DYN)
            .addVar("oldSelf", SimpleType.DYN)
            .build();

    /** A rule found in a CRD: where, the expression, the message. */
    record Found(String crd, String path, String rule, String message) {}

    static List<Found> rules() {
        List<Found> out = new ArrayList<>();
        for (String crd : List.of("projects", "eips", "fips")) {
            walk(crd, "", GeneratedCrds.schema(crd), out);
        }
        return out;
    }

    static void walk(String crd, String path, JSONSchemaProps s, List<Found> out) {
        if (s.getXKubernetesValidations() != null) {
            for (ValidationRule r : s.getXKubernetesValidations()) {
                out.add(new Found(crd, path, r.getRule(), r.getMessage()));
            }
        }
        if (s.getProperties() != null) {
            s.getProperties().forEach((k, v) -> walk(crd, path.isEmpty() ? k : path + "." + k, v, out));
        }
    }

    static boolean eval(String rule, Object self, Object oldSelf) {
        try {
            var ast = CEL.compile(rule).getAst();
            Map<String, Object> vars = new HashMap<>();
            vars.put("self", self);
            if (oldSelf != null) {
                vars.put("oldSelf", oldSelf);
            }
            return (Boolean) CEL.createProgram(ast).eval(vars);
        } catch (Exception e) {
            throw new IllegalStateException("CEL rule " + rule + ": " + e.getMessage(), e);
        }
    }

    /** crd, path, message, self, oldSelf (null: create), expected. */
    static Stream<Arguments> cases() {
        Map<String, Object> vm = Map.of("vmName", "vm1");
        return Stream.of(
                Arguments.of(
                        "projects", "spec.egressNetworkType", "egressNetworkType is immutable", "cloud", "cloud", true),
                Arguments.of(
                        "projects",
                        "spec.egressNetworkType",
                        "egressNetworkType is immutable",
                        "public",
                        "cloud",
                        false),
                Arguments.of(
                        "eips",
                        "spec.externalNetworkType",
                        "externalNetworkType is immutable",
                        "public",
                        "public",
                        true),
                Arguments.of(
                        "eips",
                        "spec.externalNetworkType",
                        "externalNetworkType is immutable",
                        "cloud",
                        "public",
                        false),
                Arguments.of("eips", "spec.childRef", "childRef is immutable", "ns-ext-cloud", "ns-ext-cloud", true),
                Arguments.of("eips", "spec.childRef", "childRef is immutable", "other", "ns-ext-cloud", false),
                Arguments.of(
                        "eips",
                        "spec",
                        "externalNetworkType and childRef cannot be set at the same time",
                        Map.of(),
                        null,
                        true),
                Arguments.of(
                        "eips",
                        "spec",
                        "externalNetworkType and childRef cannot be set at the same time",
                        Map.of("externalNetworkType", "cloud"),
                        null,
                        true),
                Arguments.of(
                        "eips",
                        "spec",
                        "externalNetworkType and childRef cannot be set at the same time",
                        Map.of("childRef", "x"),
                        null,
                        true),
                Arguments.of(
                        "eips",
                        "spec",
                        "externalNetworkType and childRef cannot be set at the same time",
                        Map.of("externalNetworkType", "", "childRef", "x"),
                        null,
                        true),
                Arguments.of(
                        "eips",
                        "spec",
                        "externalNetworkType and childRef cannot be set at the same time",
                        Map.of("externalNetworkType", "cloud", "childRef", "x"),
                        null,
                        false),
                Arguments.of(
                        "fips", "spec.externalNetworkType", "externalNetworkType is immutable", "cloud", "cloud", true),
                Arguments.of(
                        "fips",
                        "spec.externalNetworkType",
                        "externalNetworkType is immutable",
                        "public",
                        "cloud",
                        false),
                Arguments.of(
                        "fips",
                        "spec",
                        "eip and externalNetworkType cannot be set at the same time",
                        Map.of("eip", "e", "ipAddress", "10.0.0.5"),
                        null,
                        true),
                Arguments.of(
                        "fips",
                        "spec",
                        "eip and externalNetworkType cannot be set at the same time",
                        Map.of("externalNetworkType", "public", "ipAddress", "10.0.0.5"),
                        null,
                        true),
                Arguments.of(
                        "fips",
                        "spec",
                        "eip and externalNetworkType cannot be set at the same time",
                        Map.of("eip", "e", "externalNetworkType", "public"),
                        null,
                        false),
                Arguments.of(
                        "fips",
                        "spec",
                        "ipAddress and vmTarget cannot be set at the same time",
                        Map.of("ipAddress", "10.0.0.5"),
                        null,
                        true),
                Arguments.of(
                        "fips",
                        "spec",
                        "ipAddress and vmTarget cannot be set at the same time",
                        Map.of("ipAddress", "", "vmTarget", vm),
                        null,
                        true),
                Arguments.of(
                        "fips",
                        "spec",
                        "ipAddress and vmTarget cannot be set at the same time",
                        Map.of("ipAddress", "10.0.0.5", "vmTarget", vm),
                        null,
                        false),
                Arguments.of(
                        "fips",
                        "spec",
                        "either ipAddress or vmTarget must be specified",
                        Map.of("vmTarget", vm),
                        null,
                        true),
                Arguments.of(
                        "fips",
                        "spec",
                        "either ipAddress or vmTarget must be specified",
                        Map.of("ipAddress", "10.0.0.5"),
                        null,
                        true),
                Arguments.of(
                        "fips",
                        "spec",
                        "either ipAddress or vmTarget must be specified",
                        Map.of("eip", "e"),
                        null,
                        false));
    }

    @ParameterizedTest(name = "{0} {1}: \"{2}\" self={3} old={4} → {5}")
    @MethodSource("cases")
    void ruleAcceptsValidAndRejectsInvalidObjects(
            String crd, String path, String message, Object self, Object oldSelf, boolean valid) {
        Found rule = rules().stream()
                .filter(r -> r.crd().equals(crd)
                        && r.path().equals(path)
                        && r.message().equals(message))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no rule \"" + message + "\" at " + crd + " " + path));
        assertEquals(valid, eval(rule.rule(), self, oldSelf));
    }

    @Test
    void everyRuleInTheCrdsHasAPassingAndAFailingCase() {
        Set<String> passing = new HashSet<>();
        Set<String> failing = new HashSet<>();
        cases().forEach(a -> {
            Object[] v = a.get();
            String key = v[0] + " " + v[1] + " " + v[2];
            ((Boolean) v[5] ? passing : failing).add(key);
        });
        List<Found> all = rules();
        assertEquals(8, all.size(), "upstream's rules: 3 immutability + 1 EIp + 3 FIp + 1 FIp immutability: " + all);
        for (Found r : all) {
            String key = r.crd() + " " + r.path() + " " + r.message();
            assertTrue(passing.contains(key) && failing.contains(key), "rule without both cases: " + key);
        }
    }
}
