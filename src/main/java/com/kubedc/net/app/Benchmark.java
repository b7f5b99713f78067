package com.kubedc.net.app;

import com.kubedc.net.api.v1.Project;
import com.kubedc.net.api.v1.ProjectSpec;
import com.kubedc.net.sandbox.KubeOvnEmulator;
import com.kubedc.net.sandbox.Sandbox;
import com.kubedc.net.sandbox.SandboxServer;
import com.kubedc.net.sandbox.SeedNetworks;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Converges N cloud Projects in the sandbox and compares with the floor: the controller's own
 * write requests, recorded, replayed one after another by a plain HTTP loop against a fresh
 * server of the same kind holding the same Projects. Not a test: numbers go to docs/benchmarks.md.
 */
final class Benchmark {
    /** One recorded write: enough to replay it. */
    record Write(String method, String path, String contentType, byte[] body) {
    }

    private Benchmark() {
    }

    static String run(Sandbox sandbox, int n) throws Exception {
        ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
        sandbox.server().tap(r -> {
            String ua = String.valueOf(r.getHeader("User-Agent"));
            if (!"GET".equals(r.getMethod()) && !ua.contains(KubeOvnEmulator.USER_AGENT) && !ua.contains(Sandbox.USER_AGENT)) {
                writes.add(new Write(r.getMethod(), r.getPath(), r.getHeader("Content-Type"), body(r)));
            }
        });
        KubernetesClient c = sandbox.client();
        c.resource(new NamespaceBuilder().withNewMetadata().withName("bench").endMetadata().build()).create();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            c.resource(project(i)).create();
        }
        long created = System.nanoTime();
        while (ready(c) < n) {
            Thread.sleep(100);
        }
        long converged = System.nanoTime();
        Thread.sleep(2000); // trailing writes (events, echoes) belong to the count
        sandbox.server().tap(r -> { });
        List<Write> recorded = List.copyOf(writes);
        double seconds = (converged - t0) / 1e9;
        double floor = replay(recorded, n);
        System.gc();
        long heapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
        return String.format("| %d | %.1f | %.1f | %d | %.1f | %.2f | %.1f | %d | %d |%n%nwrites per Project by request: %s",
                n, (created - t0) / 1e9, seconds, recorded.size(), recorded.size() / (double) n, floor, seconds / floor,
                heapMb, rssMb(), breakdown(recorded, n));
    }

    static final String HEADER = "| N | create loop (s) | all Ready (s) | controller writes | writes/Project | floor (s) | ratio | heap after GC (MiB) | RSS (MiB) |\n"
            + "|---|---|---|---|---|---|---|---|---|";

    /** The floor: the same requests, sequentially, on a fresh server already holding the N Projects. */
    static double replay(List<Write> recorded, int n) throws Exception {
        try (SandboxServer fresh = SandboxServer.start(0); KubernetesClient c = fresh.client(Sandbox.USER_AGENT)) {
            SeedNetworks.all().forEach(s -> c.resource(s).create());
            c.resource(new NamespaceBuilder().withNewMetadata().withName("bench").endMetadata().build()).create();
            for (int i = 0; i < n; i++) {
                c.resource(project(i)).create();
            }
            HttpClient http = HttpClient.newHttpClient();
            long t0 = System.nanoTime();
            for (Write w : recorded) {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fresh.masterUrl() + w.path()))
                        .method(w.method(), w.body().length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(w.body()));
                if (w.contentType() != null) {
                    b.header("Content-Type", w.contentType());
                }
                http.send(b.build(), HttpResponse.BodyHandlers.discarding());
            }
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    /** {@code METHOD resource[/status]} → writes per Project, largest first. */
    static String breakdown(List<Write> recorded, int n) {
        var counts = new java.util.TreeMap<String, Integer>();
        for (Write w : recorded) {
            String[] seg = w.path().replaceAll("\\?.*", "").split("/");
            boolean status = seg[seg.length - 1].equals("status");
            String resource = w.method().equals("POST") ? seg[seg.length - 1] : seg[seg.length - (status ? 3 : 2)];
            counts.merge(w.method() + " " + resource + (status ? "/status" : ""), 1, Integer::sum);
        }
        return counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue() / (double) n))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    static Project project(int i) {
        Project p = new Project();
        p.setMetadata(new ObjectMetaBuilder().withNamespace("bench").withName("p" + i).build());
        ProjectSpec spec = new ProjectSpec();
        spec.setCidrBlock("10." + (i / 256) + "." + (i % 256) + ".0/24");
        spec.setEgressNetworkType("cloud");
        p.setSpec(spec);
        return p;
    }

    static long ready(KubernetesClient c) {
        return c.resources(Project.class).inNamespace("bench").list().getItems().stream()
                .filter(p -> p.getStatus() != null && p.getStatus().isReady()).count();
    }

    static byte[] body(RecordedRequest r) {
        return r.getBody() == null ? new byte[0] : r.getBody().getBytes().clone();
    }

    static long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
                }
            }
        } catch (Exception e) {
            // not Linux: report what the JVM knows
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() >> 20;
    }

}
