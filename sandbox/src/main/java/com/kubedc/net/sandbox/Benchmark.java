package com.kubedc.net.sandbox;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.EIpSpec;
import com.kubedc.net.api.v1.FIp;
import com.kubedc.net.api.v1.FIpSpec;
import com.kubedc.net.api.v1.Project;
import com.kubedc.net.api.v1.ProjectSpec;
import com.kubedc.net.testkit.Sandbox;
import com.kubedc.net.testkit.SeedNetworks;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Converges N cloud Projects, then K EIps and K FIps per Project, in the sandbox and compares with the floor: the controller's own
 * write requests, recorded, replayed one after another by a plain HTTP loop against a fresh
 * server of the same kind holding the same Projects. Not a test: numbers go to docs/benchmarks.md.
 */
final class Benchmark {
    /** One recorded write: enough to replay it; {@code controller}: sent by the controller (else by the user or an emulator). */
    record Write(String method, String path, String contentType, byte[] body, boolean controller) {}

    private Benchmark() {}

    static String run(Sandbox sandbox, OperatorProcess operator, int n, int k) throws Exception {
        WriteTap tap = WriteTap.on(sandbox);
        tap.start();
        KubernetesClient c = sandbox.client();
        c.resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("bench")
                        .endMetadata()
                        .build())
                .create();
        ReadyCount<Project> readyProjects = new ReadyCount<>(c, Project.class);
        ReadyCount<EIp> readyEips = new ReadyCount<>(c, EIp.class);
        ReadyCount<FIp> readyFips = new ReadyCount<>(c, FIp.class);
        long t0 = System.nanoTime();
        for (HasMetadata o : projects(n)) {
            c.resource(o).create();
        }
        long created = System.nanoTime();
        readyProjects.await(n);
        long converged = System.nanoTime();
        Thread.sleep(2000); // trailing writes (events, echoes) belong to the count
        List<Write> projectPhase = tap.stop();
        tap.start();
        long t1 = System.nanoTime();
        for (HasMetadata o : addresses(n, k)) {
            c.resource(o).create();
        }
        readyEips.await((long) n * (k + 1));
        readyFips.await((long) n * k);
        long addressesReady = System.nanoTime();
        readyProjects.close();
        readyEips.close();
        readyFips.close();
        Thread.sleep(k == 0 ? 0 : 2000);
        List<Write> addressPhase = tap.stop();
        List<Write> everyone = new ArrayList<>(projectPhase);
        everyone.addAll(addressPhase);
        List<Write> projectWrites = WriteTap.controller(projectPhase);
        List<Write> addressWrites = WriteTap.controller(addressPhase);
        double seconds = (converged - t0) / 1e9 + (addressesReady - t1) / 1e9;
        // FLOORS=0 ./bench.sh: times and writes only (the two replays take longer than the run)
        boolean floors = !"false".equals(Settings.get("kube-dc.sandbox.benchmark-floors", "true"));
        Replay floor = floors ? replay(sandbox, WriteTap.controller(everyone), n, k) : Replay.SKIPPED;
        // what the run's convergence consisted of: the user's creates, the controller's and Kube-OVN's
        // writes, on a server holding only what the sandbox made before the run
        Replay all = floors
                ? replay(
                        sandbox,
                        everyone,
                        fresh -> SeedNetworks.all()
                                .forEach(s -> fresh.resource(s).create()))
                : Replay.SKIPPED;
        long heapMb = operator.heapAfterGcMb();
        int objects = 2 * n * k;
        return String.format(
                "| %d | %d | %.1f | %.1f | %s | %.1f | %s | %.2f | %.2f | %d | %.2f | %.2f | %d | %d |%n%n"
                        + "writes per Project by request: %s%n"
                        + "writes per EIp or FIp by request: %s%n"
                        + "writes replayed: controller's %d (%d answered an error), all %d (%d answered an error)",
                n,
                k,
                (created - t0) / 1e9,
                (converged - t0) / 1e9,
                k == 0 ? "–" : String.format("%.1f", (addressesReady - t1) / 1e9),
                projectWrites.size() / (double) n,
                k == 0 ? "–" : String.format("%.2f", addressWrites.size() / (double) objects),
                floor.seconds(),
                seconds / floor.seconds(),
                everyone.size(),
                all.seconds(),
                seconds / all.seconds(),
                heapMb,
                operator.rssMb(),
                breakdown(projectWrites, n),
                k == 0 ? "–" : breakdown(addressWrites, objects),
                floor.writes(),
                floor.errors(),
                all.writes(),
                all.errors());
    }

    static final String HEADER =
            "| N | K | create loop (s) | Projects Ready (s) | EIps+FIps Ready (s) | writes/Project | writes/(EIp or FIp) "
                    + "| floor, controller's writes (s) | ratio | all writes of the run | floor, all writes (s) | ratio "
                    + "| heap after GC (MiB) | RSS (MiB) |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    /** A replay's time, and how many of its writes the fresh server answered with an error. */
    record Replay(double seconds, int writes, int errors) {
        /** Not replayed: its time and ratio print as NaN. */
        static final Replay SKIPPED = new Replay(Double.NaN, 0, 0);
    }

    /** The floor: the controller's requests, sequentially, on a fresh server already holding the user's objects. */
    static Replay replay(Sandbox sandbox, List<Write> recorded, int n, int k) throws Exception {
        return replay(sandbox, recorded, c -> {
            SeedNetworks.all().forEach(s -> c.resource(s).create());
            c.resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName("bench")
                            .endMetadata()
                            .build())
                    .create();
            projects(n).forEach(o -> c.resource(o).create());
            if (k > 0) { // a real server keeps no object in a namespace that does not exist (the replay's create then
                // answers 409)
                projectNamespaces(c, n);
            }
            addresses(n, k).forEach(o -> c.resource(o).create());
        });
    }

    /** The same requests, sequentially, on a fresh server of the sandbox's kind that {@code setup} filled with what the user and the platform made. */
    static Replay replay(Sandbox sandbox, List<Write> recorded, java.util.function.Consumer<KubernetesClient> setup)
            throws Exception {
        try (FloorServer fresh = FloorServer.like(sandbox)) {
            setup.accept(fresh.client());
            int errors = 0;
            long t0 = System.nanoTime();
            for (Write w : recorded) {
                byte[] body = withoutVersionChecks(w);
                HttpRequest.Builder b = fresh.request(w.path())
                        .method(
                                w.method(),
                                body.length == 0
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(body));
                if (w.contentType() != null) {
                    b.header("Content-Type", w.contentType());
                }
                try {
                    if (fresh.http()
                                    .send(b.build(), HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            >= 400) {
                        errors++;
                    }
                } catch (java.net.http.HttpTimeoutException e) {
                    System.err.println("replay stalled on " + w.method() + " " + w.path() + " "
                            + new String(body, java.nio.charset.StandardCharsets.UTF_8));
                    throw e;
                }
            }
            return new Replay((System.nanoTime() - t0) / 1e9, recorded.size(), errors);
        }
    }

    /**
     * The write without its optimistic-lock guard: resourceVersions on the fresh server differ, and
     * a failed JSON Patch {@code test} stalls the mock server instead of answering 409/422.
     */
    static byte[] withoutVersionChecks(Write w) {
        if (w.body().length == 0 || w.contentType() == null) {
            return w.body();
        }
        try {
            var tree = com.kubedc.net.vocabulary.Json.object().objectNode();
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(w.body());
            if (node.isArray()) {
                var kept = tree.arrayNode();
                node.forEach(op -> {
                    // test (our guards) or add/replace (the client's optimistic lock on status patches) of the version
                    if (!op.path("path").asText().equals("/metadata/resourceVersion")) {
                        kept.add(op);
                    }
                });
                return kept.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            if (node.path("metadata").isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("metadata")).remove("resourceVersion");
            }
            return node.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return w.body();
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
        return counts.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue() / (double) n))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Creates the namespaces of Projects {@code p0…p<n-1>} (what the controller made on the measured server). */
    static void projectNamespaces(KubernetesClient c, int n) {
        for (int i = 0; i < n; i++) {
            c.resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName("bench-p" + i)
                            .endMetadata()
                            .build())
                    .create();
        }
    }

    static List<HasMetadata> projects(int n) {
        List<HasMetadata> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Project p = new Project();
            p.setMetadata(new ObjectMetaBuilder()
                    .withNamespace("bench")
                    .withName("p" + i)
                    .build());
            ProjectSpec spec = new ProjectSpec();
            spec.setCidrBlock(prefix(i) + ".0/24");
            spec.setEgressNetworkType("cloud");
            p.setSpec(spec);
            out.add(p);
        }
        return out;
    }

    /** Per Project: K EIps (default type) and K FIps, FIp j bound to EIp j and to address .(10+j) of the Project subnet. */
    static List<HasMetadata> addresses(int n, int k) {
        List<HasMetadata> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String ns = "bench-p" + i;
            for (int j = 0; j < k; j++) {
                EIp e = new EIp();
                e.setMetadata(new ObjectMetaBuilder()
                        .withNamespace(ns)
                        .withName("e" + j)
                        .build());
                e.setSpec(new EIpSpec());
                out.add(e);
                FIp f = new FIp();
                f.setMetadata(new ObjectMetaBuilder()
                        .withNamespace(ns)
                        .withName("f" + j)
                        .build());
                FIpSpec spec = new FIpSpec();
                spec.setEip("e" + j);
                spec.setIpAddress(prefix(i) + "." + (10 + j));
                f.setSpec(spec);
                out.add(f);
            }
        }
        return out;
    }

    static String prefix(int i) {
        return "10." + (i / 256) + "." + (i % 256);
    }

    static <T extends HasMetadata> long ready(KubernetesClient c, Class<T> kind) {
        return c.resources(kind).inAnyNamespace().list().getItems().stream()
                .filter(Benchmark::isReady)
                .count();
    }

    static boolean isReady(HasMetadata o) {
        if (o instanceof Project p) {
            return p.getStatus() != null && p.getStatus().isReady();
        }
        if (o instanceof EIp e) {
            return e.getStatus() != null && e.getStatus().isReady();
        }
        return o instanceof FIp f && f.getStatus() != null && f.getStatus().isReady();
    }

    static byte[] body(RecordedRequest r) {
        return r.getBody() == null ? new byte[0] : r.getBody().getBytes().clone();
    }
}
