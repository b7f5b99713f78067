package com.kubedc.net.scenario;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kubedc.net.api.v1.Project;
import com.kubedc.net.support.NbTestResource;
import com.kubedc.net.support.Routes;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.vocabulary.ServiceAddresses;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Tier 4: every manifest of {@code examples/} sent at once, in no order (Services before their
 * Project's namespace exists, Projects before their organization's), as a user's {@code kubectl
 * apply -f examples/} may: everything converges and our controllers say no Warning on the way.
 */
@Tag("server")
@QuarkusTest
@QuarkusTestResource(value = NbTestResource.class, restrictToAnnotatedClass = true)
class ExamplesAtOnceTest {
    static final Duration WAIT = Duration.ofSeconds(60);
    /** The examples' organization, renamed so that no other test's objects (e.g. ServiceLbTest's run of them) meet these. */
    static final String ORG = "atonce";

    TestCluster cluster = TestCluster.get();

    @Test
    void theExamplesAppliedAllAtOnceConvergeWithoutAWarningFromUs() throws Exception {
        List<HasMetadata> objects = examples();
        ExecutorService pool = Executors.newFixedThreadPool(objects.size());
        Watch watch = cluster.client.namespaces().watch(new Watcher<Namespace>() {
            @Override
            public void eventReceived(Action action, Namespace n) {
                appeared(n.getMetadata().getName()).countDown();
            }

            @Override
            public void onClose(WatcherException cause) {}
        });
        try {
            // reversed and all together: Services first, racing the Projects that make their namespace
            List<HasMetadata> reversed = new ArrayList<>(objects);
            java.util.Collections.reverse(reversed);
            CompletableFuture.allOf(reversed.stream()
                            .map(o -> CompletableFuture.runAsync(() -> create(o), pool))
                            .toArray(CompletableFuture[]::new))
                    .get();
        } finally {
            pool.shutdown();
            watch.close();
        }
        String ns = ORG + "-cloud-app";
        cluster.awaitReady(ORG, "cloud-app");
        cluster.awaitReady(ORG, "web");
        await().atMost(WAIT)
                .until(() -> !ips(ns, "nginx").isEmpty() && !ips(ns, "vm-ssh").isEmpty());
        var routes = new Routes(cluster);
        for (String svc : List.of("web", "shop", "api", "kube-api", "portal")) {
            routes.awaitPublished(ns, svc);
        }
        cluster.awaitQuiet();

        List<String> warnings = Stream.of(ORG, ns, ORG + "-web")
                .flatMap(n -> cluster.client.v1().events().inNamespace(n).list().getItems().stream())
                .filter(ExamplesAtOnceTest::ours)
                .filter(e -> "Warning".equals(e.getType()))
                .map(e -> e.getInvolvedObject().getKind() + " "
                        + e.getInvolvedObject().getName() + ": " + e.getReason() + " " + e.getMessage())
                .toList();
        assertEquals(List.of(), warnings);
    }

    List<String> ips(String ns, String name) {
        Service s = cluster.client.services().inNamespace(ns).withName(name).get();
        return s == null ? List.of() : ServiceAddresses.ips(s.getStatus());
    }

    static boolean ours(Event e) {
        return "kube-dc-net".equals(e.getReportingComponent())
                || e.getSource() != null && "kube-dc-net".equals(e.getSource().getComponent());
    }

    /** The examples with organization {@code demo} renamed (and the one fixed hostname made unique to it). */
    static List<HasMetadata> examples() throws IOException {
        List<HasMetadata> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(com.kubedc.net.testkit.Repo.path("examples"))) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String yaml = Files.readString(f)
                        .replace("demo", ORG)
                        .replace("portal.example.com", "portal." + ORG + ".example.com");
                for (HasMetadata o : TestCluster.get()
                        .client
                        .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
                        .items()) {
                    // the test server has no discovery for our CRDs: Projects go typed
                    out.add(
                            "Project".equals(o.getKind())
                                    ? Serialization.unmarshal(Serialization.asJson(o), Project.class)
                                    : o);
                }
            }
        }
        return out;
    }

    /** Namespaces seen by a watch: an object waiting for its namespace is created the moment it appears. */
    final java.util.Map<String, CountDownLatch> appeared = new java.util.concurrent.ConcurrentHashMap<>();

    CountDownLatch appeared(String ns) {
        return appeared.computeIfAbsent(ns, n -> new CountDownLatch(1));
    }

    /** Creates {@code o}; on a 404 its namespace is not there yet (a project's is made by the controller): again once it is. */
    void create(HasMetadata o) {
        String ns = o.getMetadata().getNamespace();
        for (int attempt = 0; ; attempt++) {
            try {
                cluster.client.resource(o).create();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() == 409) {
                    return;
                }
                if (e.getCode() != 404 || ns == null || attempt > 100) {
                    throw e;
                }
            }
            try {
                if (!appeared(ns).await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new AssertionError("namespace " + ns + " never appeared");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
