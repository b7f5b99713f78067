package com.kubedc.net.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.support.Chart;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every kind the operator SDK says a controller needs (the ClusterRoles it derives from the
 * controllers' dependents and event sources, target/kubernetes/kubernetes.yml) has a rule in the
 * chart, and the chart grants no verb the SDK's rules do not: the chart may only be narrower. A
 * controller that starts watching a new kind fails this test until the chart grants it. Runs after
 * {@code package} (failsafe).
 */
class ChartRbacCoverageIT {
    static final Path GENERATED = Path.of("target/kubernetes/kubernetes.yml");
    /** Needed beyond the SDK's rules, each seen refused without it (ChartInstallIT runs the controller under the chart's RBAC). */
    static final Set<String> NEEDED_BEYOND_THE_SDK =
            Set.of("coordination.k8s.io/leases patch"); // fabric8's LeaderElector renews the Lease by PATCH

    /** "group/resource verb" entries of the rules. */
    static Set<String> grants(List<PolicyRule> rules) {
        Set<String> out = new TreeSet<>();
        for (PolicyRule r : rules) {
            for (String g : r.getApiGroups()) {
                for (String res : r.getResources()) {
                    for (String v : r.getVerbs()) {
                        out.add(g + "/" + res + " " + v);
                    }
                }
            }
        }
        return out;
    }

    static Set<String> kinds(Set<String> grants) {
        Set<String> out = new TreeSet<>();
        grants.forEach(g -> out.add(g.substring(0, g.indexOf(' '))));
        return out;
    }

    @Test
    void theChartGrantsEveryKindTheControllersNeedAndNothingBeyondThem() throws IOException {
        assertTrue(Files.exists(GENERATED), "run mvn package first: " + GENERATED + " is missing");
        List<HasMetadata> generated = Chart.parse(Files.readString(GENERATED));
        Set<String> sdk = grants(generated.stream()
                .filter(o -> o instanceof ClusterRole)
                .flatMap(o -> ((ClusterRole) o).getRules().stream())
                .toList());
        assertTrue(sdk.size() > 50, "the SDK's roles were read: " + sdk.size());

        List<HasMetadata> chart = Chart.render(Map.of());
        Set<String> ours = grants(Stream.concat(
                        Chart.ofKind(chart, "ClusterRole").stream().flatMap(o -> ((ClusterRole) o).getRules().stream()),
                        Chart.ofKind(chart, "Role").stream().flatMap(o -> ((Role) o).getRules().stream()))
                .toList());

        Set<String> missingKinds = new TreeSet<>(kinds(sdk));
        missingKinds.removeAll(kinds(ours));
        assertEquals(Set.of(), missingKinds, "kinds the controllers use that the chart does not grant");
        Set<String> beyond = new TreeSet<>(ours);
        beyond.removeAll(sdk);
        beyond.removeAll(NEEDED_BEYOND_THE_SDK);
        assertEquals(Set.of(), beyond, "grants of the chart the controllers never asked for");
    }
}
