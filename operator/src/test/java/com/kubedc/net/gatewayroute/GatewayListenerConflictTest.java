package com.kubedc.net.gatewayroute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.kubedc.net.common.WriteCounter;
import com.kubedc.net.support.SharedApiServer;
import com.kubedc.net.testkit.ApiServer;
import com.kubedc.net.testkit.AuditLog;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Writers that conflict on the platform's shared Gateway, on the real API server: a concurrent edit
 * makes our update fail with 409, the writer reads again, and neither edit is lost. Each test uses
 * a Gateway of its own (the suite's {@code eg} is left alone).
 */
@Tag("server")
class GatewayListenerConflictTest {
    static final String NS = "gw-conflict";
    static final String AGENT = "kube-dc-net-test-listeners";
    static ApiServer.Endpoint server;
    static KubernetesClient admin;

    @BeforeAll
    static void namespace() {
        server = SharedApiServer.get();
        admin = server.client(AGENT + "-admin");
        admin.resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(NS)
                        .endMetadata()
                        .build())
                .serverSideApply();
    }

    @AfterAll
    static void close() {
        admin.close();
    }

    static GatewayRef gateway(String name) {
        admin.resource(new GatewayBuilder()
                        .withNewMetadata()
                        .withNamespace(NS)
                        .withName(name)
                        .endMetadata()
                        .withNewSpec()
                        .withGatewayClassName("eg")
                        .addToListeners(
                                GatewayListenersTest.l("http", null),
                                GatewayListenersTest.l("https-console", "console.kube-dc.cloud"))
                        .endSpec()
                        .build())
                .create();
        return new GatewayRef(name, NS, "http", "tls-passthrough-wildcard");
    }

    Gateway get(GatewayRef ref) {
        return admin.resources(Gateway.class)
                .inNamespace(NS)
                .withName(ref.name())
                .get();
    }

    Set<String> listeners(GatewayRef ref) {
        return new TreeSet<>(get(ref).getSpec().getListeners().stream()
                .map(Listener::getName)
                .toList());
    }

    @Test
    void anEditByThePlatformBetweenOurReadAndOurWriteIsA409AndBothEditsSurvive() {
        GatewayRef ref = gateway("eg-raced");
        AtomicBoolean raced = new AtomicBoolean();
        // the platform edits the Gateway just before our first update reaches the server
        Interceptor platformFirst = new Interceptor() {
            @Override
            public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
                if ("PUT".equals(request.method())
                        && request.uri().getPath().endsWith("/gateways/eg-raced")
                        && raced.compareAndSet(false, true)) {
                    admin.resources(Gateway.class)
                            .inNamespace(NS)
                            .withName("eg-raced")
                            .patch(
                                    PatchContext.of(PatchType.JSON_MERGE),
                                    "{\"metadata\":{\"annotations\":{\"platform/edited\":\"yes\"}}}");
                }
            }
        };
        AuditLog audit = new AuditLog(Path.of(server.auditLog())).fromNow();
        try (KubernetesClient ours = new KubernetesClientBuilder()
                .withConfig(server.config(AGENT))
                .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("platform-first", platformFirst))
                .build()) {
            var edit = new GatewayListenerWriter(ours, new WriteCounter(new SimpleMeterRegistry()))
                    .apply(ref, "https-a-ns", Optional.of(GatewayListenersTest.l("https-a-ns", "a.kube-dc.cloud")));
            assertInstanceOf(GatewayListeners.Replace.class, edit);
        }
        assertEquals(Set.of("http", "https-console", "https-a-ns"), listeners(ref));
        assertEquals(
                "yes", get(ref).getMetadata().getAnnotations().get("platform/edited"), "the platform's edit is kept");
        List<Integer> codes = audit.next().stream()
                .filter(e ->
                        e.userAgent().startsWith(AGENT + "/") || e.userAgent().equals(AGENT))
                .filter(e -> e.uri().contains("/gateways/eg-raced"))
                .map(AuditLog.Entry::code)
                .toList();
        assertEquals(List.of(409, 200), codes, "one conflict, then the update at the version read again");
    }

    @Test
    void concurrentEditsBySeveralServicesConvergeWithoutLosingAListener() throws Exception {
        GatewayRef ref = gateway("eg-many");
        try (KubernetesClient ours = server.client(AGENT)) {
            GatewayListenerWriter writer = new GatewayListenerWriter(ours, new WriteCounter(new SimpleMeterRegistry()));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<GatewayListeners.Edit>> adds = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String name = "https-s" + i + "-ns";
                adds.add(pool.submit(() ->
                        writer.apply(ref, name, Optional.of(GatewayListenersTest.l(name, name + ".kube-dc.cloud")))));
            }
            for (Future<GatewayListeners.Edit> f : adds) {
                assertInstanceOf(GatewayListeners.Replace.class, f.get());
            }
            Set<String> expected = new TreeSet<>(List.of("http", "https-console"));
            for (int i = 0; i < 12; i++) {
                expected.add("https-s" + i + "-ns");
            }
            assertEquals(expected, listeners(ref));

            List<Future<GatewayListeners.Edit>> removes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String name = "https-s" + i + "-ns";
                removes.add(pool.submit(() -> writer.apply(ref, name, Optional.empty())));
                expected.remove(name);
            }
            for (Future<GatewayListeners.Edit> f : removes) {
                f.get();
            }
            pool.shutdown();
            assertEquals(expected, listeners(ref), "the platform's listeners and the other Services' stay");
        }
    }
}
