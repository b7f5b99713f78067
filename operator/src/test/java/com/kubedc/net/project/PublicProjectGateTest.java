package com.kubedc.net.project;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kubedc.net.api.v1.Project;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.vocabulary.Conditions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** With {@code allow-public-projects=false} a public Project is refused before anything is written. */
@Tag("server")
@QuarkusTest
@TestProfile(PublicProjectGateTest.PublicDisallowed.class)
class PublicProjectGateTest {
    /** The platform default: public projects not allowed. */
    public static class PublicDisallowed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kube-dc.allow-public-projects", "false");
        }
    }

    @Test
    void aPublicProjectIsRefusedWithOneWarningAndNoWrites() throws Exception {
        TestCluster cluster = TestCluster.get();
        cluster.recorder.reset();
        cluster.create(Fixtures.project("gate", "web", "10.0.0.0/24", "public"));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Project p = cluster.get("gate", "web");
            return p.getStatus() != null
                    && Reasons.PUBLIC_NOT_ALLOWED.equals(
                            Conditions.reason(p.getStatus().getConditions(), Reasons.INPUT_VALID));
        });
        Thread.sleep(800);
        assertEquals(
                List.of(),
                cluster.recorder.controllerWrites().stream()
                        .filter(w -> w.contains("gate-web"))
                        .toList());
        var warnings = cluster.events("gate", "web").stream()
                .filter(e -> "Warning".equals(e.getType()))
                .toList();
        assertEquals(1, warnings.size());
        assertEquals(Reasons.PUBLIC_NOT_ALLOWED, warnings.get(0).getReason());
    }
}
