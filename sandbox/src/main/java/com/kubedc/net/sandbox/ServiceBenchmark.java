package com.kubedc.net.sandbox;

import com.kubedc.net.api.v1.Project;
import com.kubedc.net.testkit.LocalNb;
import com.kubedc.net.testkit.Sandbox;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.ServiceAddresses;
import com.kubedc.net.vocabulary.ServiceBinding;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Programs N LoadBalancer Services (spread over 10 cloud Projects, each on its project's gateway
 * address with its own port, two endpoints each) and compares with the floor: the same
 * load-balancer rows and attachments written by one {@code ovn-nbctl} batch into a fresh NB that
 * holds the same routers and switches. Not a test: numbers go to docs/benchmarks.md.
 */
final class ServiceBenchmark {
    static final int PROJECTS = 10;

    private ServiceBenchmark() {}

    static final String HEADER =
            "| Services | create loop (s) | all programmed (s) | OVSDB transactions/Service | API writes/Service "
                    + "| ovn-nbctl batch floor (s) | ratio | heap after GC (MiB) | RSS (MiB) |\n|---|---|---|---|---|---|---|---|---|";

    static String run(Sandbox sandbox, OperatorProcess operator, int n) throws Exception {
        KubernetesClient c = sandbox.client();
        c.resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("bench")
                        .endMetadata()
                        .build())
                .create();
        for (HasMetadata p : Benchmark.projects(PROJECTS)) {
            c.resource(p).create();
        }
        while (Benchmark.ready(c, Project.class) < PROJECTS) {
            Thread.sleep(100);
        }
        Thread.sleep(2000);
        WriteTap tap = WriteTap.on(sandbox);
        tap.start();
        long tx0 = (long) operator.metric("kubedc_ovn_nb_transactions");
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String ns = "bench-p" + (i % PROJECTS);
            c.resource(service(ns, "s" + i, 1000 + i)).create();
            c.resource(new EndpointSliceBuilder()
                            .withNewMetadata()
                            .withNamespace(ns)
                            .withName("s" + i + "-x")
                            .withLabels(Map.of(Keys.SERVICE_NAME, "s" + i))
                            .endMetadata()
                            .withAddressType("IPv4")
                            .withEndpoints(
                                    endpoint(Benchmark.prefix(i % PROJECTS) + ".5"),
                                    endpoint(Benchmark.prefix(i % PROJECTS) + ".6"))
                            .withPorts(new EndpointPortBuilder()
                                    .withName("p")
                                    .withPort(8080)
                                    .withProtocol("TCP")
                                    .build())
                            .build())
                    .create();
        }
        long created = System.nanoTime();
        while (programmed(c) < n) {
            Thread.sleep(100);
        }
        long done = System.nanoTime();
        Thread.sleep(2000);
        List<Benchmark.Write> writes = WriteTap.controller(tap.stop());
        long tx = (long) operator.metric("kubedc_ovn_nb_transactions") - tx0;
        double seconds = (done - t0) / 1e9;
        double floor = floor(n);
        long heapMb = operator.heapAfterGcMb();
        return String.format(
                "| %d | %.1f | %.1f | %.2f | %.2f | %.2f | %.1f | %d | %d |%n%nAPI writes per Service by request: %s",
                n,
                (created - t0) / 1e9,
                seconds,
                tx / (double) n,
                writes.size() / (double) n,
                floor,
                seconds / floor,
                heapMb,
                operator.rssMb(),
                Benchmark.breakdown(writes, n));
    }

    static io.fabric8.kubernetes.api.model.discovery.v1.Endpoint endpoint(String ip) {
        return new EndpointBuilder()
                .withAddresses(ip)
                .withNewConditions()
                .withReady(true)
                .endConditions()
                .build();
    }

    static io.fabric8.kubernetes.api.model.Service service(String ns, String name, int port) {
        return new ServiceBuilder()
                .withNewMetadata()
                .withNamespace(ns)
                .withName(name)
                .withAnnotations(Map.of(Keys.BIND_ON_DEFAULT_GW, "true"))
                .endMetadata()
                .withNewSpec()
                .withType("LoadBalancer")
                .withSelector(Map.of("app", name))
                .withPorts(new ServicePortBuilder()
                        .withName("p")
                        .withPort(port)
                        .withProtocol("TCP")
                        .withTargetPort(new IntOrString(8080))
                        .build())
                .endSpec()
                .build();
    }

    static long programmed(KubernetesClient c) {
        return c.services().inAnyNamespace().list().getItems().stream()
                .filter(ServiceBinding::managed)
                .filter(s -> !ServiceAddresses.ips(s.getStatus()).isEmpty())
                .count();
    }

    /** The same rows in one ovn-nbctl transaction: lb-add + lr-lb-add + ls-lb-add per Service. */
    static double floor(int n) {
        try (LocalNb nb = LocalNb.start()) {
            List<String> setup = new ArrayList<>();
            for (int p = 0; p < PROJECTS; p++) {
                setup.addAll(List.of("--", "lr-add", "bench-p" + p, "--", "ls-add", "bench-p" + p + "-default"));
            }
            nb.nbctl(setup.toArray(String[]::new));
            List<String> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String ns = "bench-p" + (i % PROJECTS);
                String lb = ns + "-s" + i + "-tcp";
                String prefix = Benchmark.prefix(i % PROJECTS);
                batch.addAll(List.of(
                        "--",
                        "lb-add",
                        lb,
                        "100.65.0." + (2 + i % PROJECTS) + ":" + (1000 + i),
                        prefix + ".5:8080," + prefix + ".6:8080",
                        "tcp",
                        "--",
                        "lr-lb-add",
                        ns,
                        lb,
                        "--",
                        "ls-lb-add",
                        ns + "-default",
                        lb));
            }
            long t0 = System.nanoTime();
            nb.nbctl(batch.toArray(String[]::new));
            return (System.nanoTime() - t0) / 1e9;
        }
    }
}
