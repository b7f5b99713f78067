package com.kubedc.net.sandbox;

import com.kubedc.net.api.v1.Project;
import com.kubedc.net.testkit.Sandbox;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Memory at scale: N cloud Projects and M LoadBalancer Services (spread over the Projects'
 * namespaces, each with an EndpointSlice of two endpoints) converged; then, of the operator's own
 * process, the heap used after a full GC, heap committed, non-heap, RSS, threads and, from a class
 * histogram, how many objects of the cached kinds it holds. Not a test: numbers go to docs/benchmarks.md.
 */
final class MemoryBenchmark {
    /** Classes counted in the histogram: the cached kinds, and the managedFields entries they carry. */
    static final List<String> COUNTED = List.of(
            "io.fabric8.kubernetes.api.model.Service",
            "io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice",
            "io.fabric8.kubernetes.api.model.Namespace",
            "com.kubedc.net.api.v1.Project",
            "com.kubedc.net.api.v1.EIp",
            "com.kubedc.net.thirdparty.kubeovn.Subnet",
            "io.fabric8.kubernetes.api.model.ManagedFieldsEntry");

    private MemoryBenchmark() {}

    static final String HEADER =
            "| Projects | Services | Projects Ready (s) | Services programmed (s) | heap used after full GC (MiB) "
                    + "| heap committed (MiB) | non-heap (MiB) | RSS (MiB) | threads | objects held: Service / EndpointSlice / Namespace / Project / EIp / Subnet / ManagedFieldsEntry |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|";

    static String run(Sandbox sandbox, OperatorProcess operator, int n, int m) throws Exception {
        KubernetesClient c = sandbox.client();
        c.resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("bench")
                        .endMetadata()
                        .build())
                .create();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            long t0 = System.nanoTime();
            createAll(pool, c, Benchmark.projects(n));
            while (Benchmark.ready(c, Project.class) < n) {
                Thread.sleep(500);
            }
            long projectsReady = System.nanoTime();
            List<HasMetadata> services = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                String ns = "bench-p" + (i % n);
                // no node ports: the server's range (30000-32767) holds fewer than 5000
                var svc = ServiceBenchmark.service(ns, "s" + i, 1000 + i / n);
                svc.getSpec().setAllocateLoadBalancerNodePorts(false);
                services.add(svc);
                services.add(new EndpointSliceBuilder()
                        .withNewMetadata()
                        .withNamespace(ns)
                        .withName("s" + i + "-x")
                        .withLabels(Map.of(Keys.SERVICE_NAME, "s" + i))
                        .endMetadata()
                        .withAddressType("IPv4")
                        .withEndpoints(
                                ServiceBenchmark.endpoint(Benchmark.prefix(i % n) + ".5"),
                                ServiceBenchmark.endpoint(Benchmark.prefix(i % n) + ".6"))
                        .withPorts(new EndpointPortBuilder()
                                .withName("p")
                                .withPort(8080)
                                .withProtocol("TCP")
                                .build())
                        .build());
            }
            long t1 = System.nanoTime();
            createAll(pool, c, services);
            while (ServiceBenchmark.programmed(c) < m) {
                Thread.sleep(1000);
            }
            long programmed = System.nanoTime();
            services = null;
            Thread.sleep(10_000); // trailing reconciles and events settle
            String classes = operator.jcmd("GC.class_histogram"); // a class histogram runs a full GC first
            Map<String, Long> held = histogram(classes);
            // the 60 largest classes, for reading where the heap goes
            Files.writeString(
                    Path.of("target", "bench-histogram-" + n + "-" + m + ".txt"),
                    String.join("\n", classes.lines().limit(63).toList()) + "\n"
                            + classes.lines()
                                    .filter(l -> l.startsWith("Total"))
                                    .findFirst()
                                    .orElse("") + "\n");
            // where the resident memory goes, when the operator runs with -XX:NativeMemoryTracking=summary
            Files.writeString(
                    Path.of("target", "bench-nmt-" + n + "-" + m + ".txt"), operator.jcmd("VM.native_memory summary"));
            long heapUsed = operator.heapAfterGcMb();
            long committed = (long) operator.metric("jvm_memory_committed_bytes{area=\"heap\"") >> 20;
            long nonHeap = (long) operator.metric("jvm_memory_used_bytes{area=\"nonheap\"") >> 20;
            return String.format(
                    "| %d | %d | %.1f | %.1f | %d | %d | %d | %d | %d | %s |",
                    n,
                    m,
                    (projectsReady - t0) / 1e9,
                    (programmed - t1) / 1e9,
                    heapUsed,
                    committed,
                    nonHeap,
                    operator.rssMb(),
                    operator.threads(),
                    String.join(
                            " / ",
                            COUNTED.stream()
                                    .map(k -> String.valueOf(held.getOrDefault(k, 0L)))
                                    .toList()));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void createAll(ExecutorService pool, KubernetesClient c, List<HasMetadata> objects)
            throws Exception {
        List<Future<?>> done = new ArrayList<>();
        for (HasMetadata o : objects) {
            done.add(pool.submit(() -> c.resource(o).create()));
        }
        for (Future<?> f : done) {
            f.get();
        }
    }

    /** Live instances of the {@link #COUNTED} classes in a class histogram ({@code jcmd GC.class_histogram}, which collects first). */
    static Map<String, Long> histogram(String text) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && COUNTED.contains(f[3])) {
                out.put(f[3], Long.parseLong(f[1]));
            }
        }
        return out;
    }
}
