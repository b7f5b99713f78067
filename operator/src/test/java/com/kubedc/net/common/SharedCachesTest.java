package com.kubedc.net.common;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.support.FreshOperators;
import com.kubedc.net.support.Services;
import com.kubedc.net.support.TestCluster;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.processing.Controller;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The controllers share one informer per kind. Counted two ways: as the API server counts them,
 * by its open WATCH requests per resource (a fresh operator of ours against what is open without
 * it: the controller manager's; the emulators watch none of these kinds), and per kind from the
 * running controllers' event sources. And no cache, shared or a controller's own, holds
 * managedFields, which the server's copy has.
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(SharedCachesTest.Own.class)
@Tag("server")
class SharedCachesTest {
    /** Its own application instance: the test stops that instance's operator. */
    public static class Own implements io.quarkus.test.junit.QuarkusTestProfile {}

    /**
     * Watches of built-in kinds opened by the five controllers: Services by the two Service
     * controllers (their primaries), one shared by the Project, EIp and FIp controllers, and the
     * load-balancer's label-selected one of its {@code -ext} companions; Namespaces and
     * EndpointSlices one each. (Before sharing: 6, 5 and 2.)
     */
    static final Map<String, Integer> EXPECTED =
            new java.util.TreeMap<>(Map.of("services", 4, "namespaces", 1, "endpointslices", 1));
    /** Informers per kind over all controllers (a primary's, a controller's own, a shared one), by kind. */
    static final Map<String, Integer> INFORMERS = new java.util.TreeMap<>(Map.of(
            "Service",
            4,
            "Namespace",
            1,
            "EndpointSlice",
            1,
            "EIp",
            2,
            "FIp",
            2,
            "Subnet",
            1,
            "OvnEip",
            1,
            "OvnSnatRule",
            1,
            "Vpc",
            1));

    private static final Pattern WATCHES =
            Pattern.compile("^apiserver_longrunning_requests\\{([^}]*)\\} (\\d+)", Pattern.MULTILINE);

    @Inject
    Operator application;

    @Inject
    FreshOperators operators;

    @AfterEach
    void stopRestartedControllers() {
        operators.stopAll();
    }

    @Test
    void oneWatchPerKindServesEveryController() throws Exception {
        TestCluster cluster = TestCluster.get();
        application.stop();
        // others watch too (the controller manager's informers): what is left once our operator's
        // watches have closed is the baseline
        Map<String, Integer> baseline = settled(cluster);
        Operator op = operators.start();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertEquals(EXPECTED, minus(watches(cluster), baseline)));
        cluster.awaitQuiet();
        assertEquals(EXPECTED, minus(watches(cluster), baseline));

        Map<String, Integer> informers = new java.util.TreeMap<>();
        java.util.Set<SharedInformer<?>> shared = new java.util.HashSet<>();
        for (var rc : op.getRegisteredControllers()) {
            for (var es : ((Controller<?>) rc).getEventSourceManager().allEventSources()) {
                if (es instanceof SharedSource<?, ?> s) {
                    if (shared.add(s.shared())) {
                        informers.merge(s.resourceType().getSimpleName(), 1, Integer::sum);
                    }
                } else if (es
                        instanceof
                        io.javaoperatorsdk.operator.processing.event.source.informer.ManagedInformerEventSource<
                                ?, ?, ?>) {
                    informers.merge(((Class<?>) es.resourceType()).getSimpleName(), 1, Integer::sum);
                }
            }
        }
        informers.keySet().retainAll(INFORMERS.keySet());
        assertEquals(INFORMERS, informers);
    }

    /** The watch counts once they stop changing (three equal readings a second apart). */
    static Map<String, Integer> settled(TestCluster cluster) throws Exception {
        java.util.List<Map<String, Integer>> last = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    last.add(watches(cluster));
                    return last.size() >= 3
                            && new java.util.HashSet<>(last.subList(last.size() - 3, last.size())).size() == 1;
                });
        return last.get(last.size() - 1);
    }

    static Map<String, Integer> minus(Map<String, Integer> now, Map<String, Integer> baseline) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        now.forEach((k, v) -> out.put(k, v - baseline.getOrDefault(k, 0)));
        return out;
    }

    @Test
    void cachesHoldObjectsWithoutManagedFields() {
        TestCluster cluster = TestCluster.get();
        String ns = cluster.readyProject("lean", "one", "10.52.0.0/24");
        application.stop();
        Operator op = operators.start();
        Service created = cluster.client
                .resource(Services.loadBalancer(ns, "web", Map.of(), "http:80>80"))
                .create();
        assertFalse(created.getMetadata().getManagedFields().isEmpty(), "the server's copy has managedFields");
        ResourceID id = ResourceID.fromResource(created);

        Service companion = new io.fabric8.kubernetes.api.model.ServiceBuilder(
                        Services.loadBalancer(ns, "web-ext", Map.of(), "http:80>80"))
                .editMetadata()
                .addToLabels(
                        com.kubedc.net.vocabulary.Keys.UPSTREAM_MANAGED_BY, com.kubedc.net.vocabulary.Keys.LB_COMPANION)
                .endMetadata()
                .editSpec()
                .withType("ClusterIP")
                .endSpec()
                .build();
        ResourceID companionId =
                ResourceID.fromResource(cluster.client.resource(companion).create());
        SharedInformer<Service> shared = SharedInformer.of(
                op.getKubernetesClient(), Service.class, com.kubedc.net.vocabulary.Keys.NOT_LB_COMPANIONS);
        await().atMost(Duration.ofSeconds(30)).until(() -> shared.get(id).isPresent());
        assertTrue(
                shared.users() >= 3,
                "the Project, EIp and FIp controllers read Services through it: " + shared.users());
        assertNull(shared.get(id).orElseThrow().getMetadata().getManagedFields());
        assertNotNull(shared.get(id).orElseThrow().getMetadata().getResourceVersion());

        for (String name : new String[] {"loadbalancer", "gatewayroute"}) {
            var primaries = ((Controller<?>) op.getRegisteredController(name).orElseThrow())
                    .getEventSourceManager()
                    .getControllerEventSource();
            // Once the controller's informer has caught up with the controller's last write (until then the
            // SDK serves that write's response, as the client returned it), its cache holds the one shared
            // instance of the version (SharedVersions), without managedFields.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var mine = primaries.get(id).orElseThrow();
                assertNull(mine.getMetadata().getManagedFields(), name + "'s own cache");
                org.junit.jupiter.api.Assertions.assertSame(
                        shared.get(id).orElseThrow(), mine, name + "'s cache holds the shared instance");
            });
            // the load balancer's -ext companions are not among the Services every controller caches
            assertTrue(primaries.get(companionId).isEmpty(), name + " caches no -ext companion");
        }
        assertTrue(shared.get(companionId).isEmpty(), "the shared Service cache holds no -ext companion");
        var projects = ((Controller<?>) op.getRegisteredController("project").orElseThrow())
                .getEventSourceManager()
                .getControllerEventSource();
        projects.list(p -> true).forEach(p -> assertNull(p.getMetadata().getManagedFields(), "project cache"));
        assertTrue(projects.list(p -> true).findAny().isPresent());
        cluster.client.resource(created).delete();
    }

    /** Open WATCH requests per resource of {@link #EXPECTED}, from the API server's metrics. */
    static Map<String, Integer> watches(TestCluster cluster) throws Exception {
        HttpClient http = cluster.client.getHttpClient();
        HttpResponse<String> r = http.sendAsync(
                        http.newHttpRequestBuilder()
                                .uri(cluster.client.getMasterUrl().toString().replaceAll("/$", "") + "/metrics")
                                .build(),
                        String.class)
                .get(30, TimeUnit.SECONDS);
        assertEquals(200, r.code(), r.body());
        Map<String, Integer> out = new LinkedHashMap<>();
        EXPECTED.keySet().forEach(k -> out.put(k, 0));
        Matcher m = WATCHES.matcher(r.body());
        while (m.find()) {
            String labels = m.group(1);
            Matcher res = Pattern.compile("resource=\"([^\"]*)\"").matcher(labels);
            if (labels.contains("verb=\"WATCH\"") && res.find() && out.containsKey(res.group(1))) {
                out.merge(res.group(1), Integer.parseInt(m.group(2)), Integer::sum);
                if (System.getProperty("debugWatches") != null) {
                    System.out.println("WATCHLINE " + m.group(0));
                }
            }
        }
        return out;
    }
}
