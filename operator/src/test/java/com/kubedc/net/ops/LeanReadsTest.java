package com.kubedc.net.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeanReadsTest {
    static final String LISTED = """
            {"apiVersion":"v1","kind":"NamespaceList","metadata":{"resourceVersion":"7"},"items":[
              {"metadata":{"name":"a","labels":{"x":"y"},"resourceVersion":"5",
                "managedFields":[{"manager":"kubectl","operation":"Apply","apiVersion":"v1",
                  "fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:labels":{"f:x":{}}}}}],
                "annotations":{"after":"managedFields"}},
               "status":{"phase":"Active"}}]}
            """;

    static KubernetesSerialization lean() {
        ObjectMapper mapper = new ObjectMapper();
        new LeanReads().customize(mapper);
        return new KubernetesSerialization(mapper, true);
    }

    @Test
    void readsObjectsWithoutManagedFieldsAndKeepsTheRest() {
        Namespace ns = lean().unmarshal(LISTED, NamespaceList.class).getItems().get(0);
        // the model starts with an empty list: nothing was read into it
        assertEquals(List.of(), ns.getMetadata().getManagedFields());
        assertEquals("a", ns.getMetadata().getName());
        assertEquals(Map.of("x", "y"), ns.getMetadata().getLabels());
        assertEquals("5", ns.getMetadata().getResourceVersion());
        assertEquals(Map.of("after", "managedFields"), ns.getMetadata().getAnnotations(), "fields after them are read");
        assertEquals("Active", ns.getStatus().getPhase());
        // untyped objects (the SDK's and ours for kinds without a model) have the same metadata
        var generic =
                lean().unmarshal(LISTED.substring(LISTED.indexOf("{\"metadata\"")), GenericKubernetesResource.class);
        assertEquals(List.of(), generic.getMetadata().getManagedFields());
        assertEquals("a", generic.getMetadata().getName());
    }

    @Test
    void neverSendsThem() {
        Namespace ns = new NamespaceBuilder()
                .withNewMetadata()
                .withName("a")
                .withManagedFields(List.of(new ManagedFieldsEntry()))
                .endMetadata()
                .build();
        assertFalse(lean().asJson(ns).contains("managedFields"));
        // a client without the customizer reads and writes them (the customizer, not the model, drops them)
        var plain = new KubernetesSerialization();
        assertEquals(
                1,
                plain.unmarshal(LISTED, NamespaceList.class)
                        .getItems()
                        .get(0)
                        .getMetadata()
                        .getManagedFields()
                        .size());
    }
}
