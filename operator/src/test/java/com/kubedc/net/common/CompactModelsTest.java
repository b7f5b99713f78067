package com.kubedc.net.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the Kubernetes client reads with our customizers: shared strings, shared empty unknown-fields maps, same objects. */
class CompactModelsTest {
    static final String SERVICE = """
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"shop","uid":"u-1",
             "resourceVersion":"12","labels":{"app":"web"},"x-unknown":"kept"},
             "spec":{"type":"LoadBalancer","ipFamilies":["IPv4"],"selector":{"app":"web"},
             "ports":[{"name":"http","protocol":"TCP","port":80,"targetPort":8080}]}}""";

    static KubernetesSerialization serialization() {
        ObjectMapper mapper = new ObjectMapper();
        new SharedStrings().customize(mapper);
        new CompactModels().customize(mapper);
        return new KubernetesSerialization(mapper, true);
    }

    @Test
    void emptyUnknownFieldMapsAreOneSharedMapAndKnownOnesAreKept() {
        Service s = serialization().unmarshal(SERVICE, Service.class);
        assertSame(CompactModels.NONE, s.getSpec().getAdditionalProperties());
        assertSame(CompactModels.NONE, s.getSpec().getPorts().get(0).getAdditionalProperties());
        assertSame(CompactModels.NONE, s.getAdditionalProperties());
        assertEquals(Map.of("x-unknown", "kept"), s.getMetadata().getAdditionalProperties());
    }

    @Test
    void theObjectReadIsTheSameObjectAndWritesTheSameJson() {
        KubernetesSerialization compact = serialization();
        KubernetesSerialization plain = new KubernetesSerialization();
        Service a = compact.unmarshal(SERVICE, Service.class);
        Service b = plain.unmarshal(SERVICE, Service.class);
        assertEquals(b, a);
        assertEquals(plain.asJson(b), compact.asJson(a));
        Service built = new ServiceBuilder(a).build(); // a builder copies into maps of its own
        assertEquals(a, built);
        built.getSpec().setAdditionalProperty("later", 1);
        assertEquals(Map.of("later", 1), built.getSpec().getAdditionalProperties());
        assertSame(CompactModels.NONE, a.getSpec().getAdditionalProperties());
    }

    @Test
    void shortStringValuesAreSharedLongOnesAreNot() {
        KubernetesSerialization s = serialization();
        Service one = s.unmarshal(SERVICE, Service.class);
        Service two = s.unmarshal(SERVICE, Service.class);
        assertSame(one.getMetadata().getNamespace(), two.getMetadata().getNamespace());
        assertSame(
                one.getSpec().getPorts().get(0).getProtocol(),
                two.getSpec().getPorts().get(0).getProtocol());
        assertSame(
                one.getSpec().getSelector().get("app"),
                two.getSpec().getSelector().get("app"));
        String longValue = "x".repeat(SharedStrings.LONGEST + 1);
        String json =
                SERVICE.replace("\"name\":\"web\"", "\"name\":\"web\",\"annotations\":{\"a\":\"" + longValue + "\"}");
        assertNotSame(
                s.unmarshal(json, Service.class).getMetadata().getAnnotations().get("a"),
                s.unmarshal(json, Service.class).getMetadata().getAnnotations().get("a"));
    }
}
