package com.kubedc.net.gatewayroute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.kubedc.net.common.WriteCounter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Several Services editing the shared Gateway at once, on the mock API server: no listener is lost. */
@EnableKubernetesMockClient(crud = true)
class GatewayListenerWriterTest {
    static final GatewayRef GW = new GatewayRef("eg", "envoy-gateway-system", "http", "tls-passthrough-wildcard");
    KubernetesClient client;

    Set<String> listeners() {
        return new TreeSet<>(client.resources(Gateway.class).inNamespace(GW.namespace()).withName(GW.name()).get()
                .getSpec().getListeners().stream().map(Listener::getName).toList());
    }

    @Test
    void concurrentEditsBySeveralServicesConvergeWithoutLosingAListener() throws Exception {
        client.resource(new GatewayBuilder().withNewMetadata().withNamespace(GW.namespace()).withName(GW.name()).endMetadata()
                .withNewSpec().withGatewayClassName("eg")
                .addToListeners(GatewayListenersTest.l("http", null), GatewayListenersTest.l("https-console", "console.kube-dc.cloud"))
                .endSpec().build()).create();
        GatewayListenerWriter writer = new GatewayListenerWriter(client, new WriteCounter(new SimpleMeterRegistry()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<GatewayListeners.Edit>> adds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String name = "https-s" + i + "-ns";
            adds.add(pool.submit(() -> writer.apply(GW, name, Optional.of(GatewayListenersTest.l(name, name + ".kube-dc.cloud")))));
        }
        for (Future<GatewayListeners.Edit> f : adds) {
            assertInstanceOf(GatewayListeners.Replace.class, f.get());
        }
        Set<String> expected = new TreeSet<>(List.of("http", "https-console"));
        for (int i = 0; i < 12; i++) {
            expected.add("https-s" + i + "-ns");
        }
        assertEquals(expected, listeners());

        List<Future<GatewayListeners.Edit>> removes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String name = "https-s" + i + "-ns";
            removes.add(pool.submit(() -> writer.apply(GW, name, Optional.empty())));
            expected.remove(name);
        }
        for (Future<GatewayListeners.Edit> f : removes) {
            f.get();
        }
        pool.shutdown();
        assertEquals(expected, listeners(), "the platform's listeners and the other Services' stay");
    }
}
