package com.kubedc.net.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.kubedc.net.api.v1.Project;
import com.kubedc.net.common.StatusReporter;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.support.TestCluster;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code kubedc_time_to_ready_seconds{kind="Project"}} counts each Project once: reconciles after
 * it became Ready, and a status write computed on a read from before it was Ready, add nothing.
 */
@Tag("server")
@QuarkusTest
class ReadyTimeOncePerProjectTest {
    static final String ORG = "readytime";

    @Inject
    MeterRegistry registry;

    @Inject
    StatusReporter reporter;

    long count() {
        Timer t = registry.find("kubedc.time.to.ready").tag("kind", "Project").timer();
        return t == null ? 0 : t.count();
    }

    @Test
    void threeProjectsCountThreeWhateverIsReconciledOrWrittenFromStaleReadsAfterwards() {
        TestCluster cluster = TestCluster.get();
        cluster.awaitQuiet(); // nothing of earlier tests still becoming Ready
        long before = count();
        List<Project> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(cluster.create(Fixtures.project(ORG, "p" + i, "10.61." + i + ".0/24", "cloud")));
        }
        for (int i = 0; i < 3; i++) {
            cluster.awaitReady(ORG, "p" + i);
        }
        cluster.awaitQuiet();
        assertEquals(before + 3, count());

        // reconciles of Ready Projects (the Project controller reconciles on any change, an annotation too)
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 3; i++) {
                String value = "r" + round;
                cluster.client
                        .resources(Project.class)
                        .inNamespace(ORG)
                        .withName("p" + i)
                        .edit(p -> {
                            if (p.getMetadata().getAnnotations() == null) {
                                p.getMetadata().setAnnotations(new java.util.HashMap<>());
                            }
                            p.getMetadata().getAnnotations().put("example.com/touch", value);
                            return p;
                        });
            }
            cluster.awaitQuiet();
        }
        // a reconcile that still sees a Project as it was before Ready (stale cache) computes Ready again
        for (Project stale : created) {
            var ready = cluster.get(ORG, stale.getMetadata().getName()).getStatus();
            assertFalse(
                    reporter.report(stale, null, new ProjectStatusSpec(x -> ready))
                            .wrote(),
                    "the fresh version already says so");
        }
        cluster.awaitQuiet();
        assertEquals(before + 3, count());
    }
}
