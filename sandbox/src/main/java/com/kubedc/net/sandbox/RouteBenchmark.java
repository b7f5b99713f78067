package com.kubedc.net.sandbox;

import com.kubedc.net.api.v1.Project;
import com.kubedc.net.testkit.Sandbox;
import com.kubedc.net.testkit.SeedGateway;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes N gateway routes (LoadBalancer Services on their project's gateway address, each with
 * its own port, over 10 cloud Projects; one in 20 {@code https} with its own listener and
 * certificate, the rest {@code http}) and compares with the floor: the controllers' recorded write
 * requests replayed one after another by a plain HTTP loop on a fresh server holding the Services
 * and the Gateway. Not a test: numbers go to docs/benchmarks.md.
 */
final class RouteBenchmark {
    static final String HEADER =
            "| routes | of them https | create loop (s) | all published (s) | API writes/route | Gateway updates "
                    + "| floor (s) | ratio | heap after GC (MiB) | RSS (MiB) |\n|---|---|---|---|---|---|---|---|---|---|";

    private RouteBenchmark() {}

    static String run(Sandbox sandbox, OperatorProcess operator, int n) throws Exception {
        KubernetesClient c = sandbox.client();
        c.resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("bench")
                        .endMetadata()
                        .build())
                .create();
        for (HasMetadata p : Benchmark.projects(ServiceBenchmark.PROJECTS)) {
            c.resource(p).create();
        }
        while (Benchmark.ready(c, Project.class) < ServiceBenchmark.PROJECTS) {
            Thread.sleep(100);
        }
        Thread.sleep(2000);
        WriteTap tap = WriteTap.on(sandbox);
        tap.start();
        List<Service> services = services(n);
        long t0 = System.nanoTime();
        for (Service s : services) {
            c.resource(s).create();
        }
        long created = System.nanoTime();
        while (published(c) < n) {
            Thread.sleep(100);
        }
        long done = System.nanoTime();
        Thread.sleep(2000); // trailing writes (events, echoes) belong to the count
        List<Benchmark.Write> all = WriteTap.controller(tap.stop());
        long gatewayUpdates =
                all.stream().filter(w -> w.path().contains("/gateways/")).count();
        double seconds = (done - t0) / 1e9;
        double floor = Benchmark.replay(sandbox, all, fresh -> {
                    fresh.resource(SeedGateway.namespace()).create();
                    fresh.resource(SeedGateway.gateway("sandbox.kube-dc.test")).create();
                    Benchmark.projectNamespaces(
                            fresh, ServiceBenchmark.PROJECTS); // a real server keeps nothing in a missing namespace
                    services.forEach(s -> fresh.resource(s).create());
                })
                .seconds();
        long heapMb = operator.heapAfterGcMb();
        return String.format(
                "| %d | %d | %.1f | %.1f | %.2f | %d | %.2f | %.1f | %d | %d |%n%nAPI writes per route by request: %s",
                n,
                https(n),
                (created - t0) / 1e9,
                seconds,
                all.size() / (double) n,
                gatewayUpdates,
                floor,
                seconds / floor,
                heapMb,
                operator.rssMb(),
                Benchmark.breakdown(all, n));
    }

    static long https(int n) {
        return (n + 19) / 20;
    }

    static List<Service> services(int n) {
        List<Service> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Service s = ServiceBenchmark.service("bench-p" + (i % ServiceBenchmark.PROJECTS), "r" + i, 1000 + i);
            Map<String, String> a = new HashMap<>(s.getMetadata().getAnnotations());
            a.put(Keys.EXPOSE_ROUTE, i % 20 == 0 ? "https" : "http");
            s.getMetadata().setAnnotations(a);
            out.add(s);
        }
        return out;
    }

    static long published(KubernetesClient c) {
        return c.services().inAnyNamespace().list().getItems().stream()
                .filter(s -> s.getMetadata().getAnnotations() != null
                        && s.getMetadata().getAnnotations().get(Keys.ROUTE_HOSTNAME_STATUS) != null)
                .count();
    }
}
