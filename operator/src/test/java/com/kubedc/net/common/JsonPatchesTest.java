package com.kubedc.net.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kubedc.net.vocabulary.Json;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

class JsonPatchesTest {
    static JsonNode json(String s) {
        return Serialization.unmarshal(s.replace('\'', '"'), JsonNode.class);
    }

    @Test
    void containsIgnoresFieldsOthersWroteAndTreatsMissingAsEmpty() {
        JsonNode actual = json("{'spec':{'a':1,'kubeOvnDefault':'x','list':[]},'status':{'ready':true}}");
        assertTrue(Json.contains(actual, json("{'spec':{'a':1}}")));
        assertTrue(Json.contains(actual, json("{'spec':{'list':[],'absent':[]}}")));
        assertFalse(Json.contains(actual, json("{'spec':{'a':2}}")));
        assertFalse(Json.contains(actual, json("{'spec':{'list':['x']}}")));
    }

    @Test
    void arraysCompareWholeAndInOrder() {
        assertFalse(Json.contains(json("{'l':[1,2]}"), json("{'l':[2,1]}")));
        assertFalse(Json.contains(json("{'l':[1,2,3]}"), json("{'l':[1,2]}")));
    }

    @Test
    void patchSetsOnlyDifferingTopLevelSpecFieldsAndLabelKeys() {
        JsonNode actual = json("{'metadata':{'labels':{'keep':'1','a/b':'old'}},'spec':{'x':1,'y':[1],'theirs':true}}");
        ObjectNode fragment = (ObjectNode) json("{'metadata':{'labels':{'a/b':'new'}},'spec':{'x':1,'y':[1,2]}}");
        var ops = JsonPatches.toContain(actual, fragment);
        assertEquals(
                json(
                        "[{'op':'add','path':'/metadata/labels/a~1b','value':'new'},{'op':'add','path':'/spec/y','value':[1,2]}]"),
                ops);
    }

    @Test
    void aMarkerLabelWithAnEmptyValueIsAddedWhenMissingAndLeftWhenThere() {
        // a namespace taken over by a Project must get kube-dc.com/project: "" (an empty value is still a label)
        var ops = JsonPatches.toContain(json("{'metadata':{'labels':{'other':'x'}}}"), (ObjectNode)
                json("{'metadata':{'labels':{'kube-dc.com/project':''}}}"));
        assertEquals(json("[{'op':'add','path':'/metadata/labels/kube-dc.com~1project','value':''}]"), ops);
        assertTrue(JsonPatches.toContain(json("{'metadata':{'labels':{'kube-dc.com/project':''}}}"), (ObjectNode)
                        json("{'metadata':{'labels':{'kube-dc.com/project':''}}}"))
                .isEmpty());
        assertEquals(
                json("[{'op':'add','path':'/metadata/labels','value':{'m':''}}]"),
                JsonPatches.toContain(json("{'metadata':{}}"), (ObjectNode) json("{'metadata':{'labels':{'m':''}}}")));
        // in a spec, an empty value and a missing one stay the same thing
        assertTrue(JsonPatches.toContain(json("{'spec':{'a':1}}"), (ObjectNode) json("{'spec':{'a':1,'list':[]}}"))
                .isEmpty());
    }

    @Test
    void missingMapsAreAddedWhole() {
        var ops = JsonPatches.toContain(
                json("{'metadata':{}}"), (ObjectNode) json("{'metadata':{'labels':{'k':'v'}},'spec':{'a':1}}"));
        assertEquals(
                json(
                        "[{'op':'add','path':'/metadata/labels','value':{'k':'v'}},{'op':'add','path':'/spec','value':{'a':1}}]"),
                ops);
    }

    @Test
    void upToDateObjectsNeedNoOps() {
        JsonNode actual = json("{'metadata':{'labels':{'k':'v'}},'spec':{'a':1,'b':'x'}}");
        assertTrue(JsonPatches.toContain(actual, (ObjectNode) json("{'metadata':{'labels':{'k':'v'}},'spec':{'a':1}}"))
                .isEmpty());
    }

    @Test
    void aTopLevelListIsLeftAloneWhenItMatchesAndReplacedWholeWhenItDiffers() throws Exception {
        var m = new com.fasterxml.jackson.databind.ObjectMapper();
        var actual = m.readTree("{\"subsets\":[{\"addresses\":[{\"ip\":\"1.1.1.1\",\"nodeName\":\"n\"}]}]}");
        var same = (com.fasterxml.jackson.databind.node.ObjectNode)
                m.readTree("{\"subsets\":[{\"addresses\":[{\"ip\":\"1.1.1.1\"}]}]}");
        assertEquals(0, JsonPatches.toContain(actual, same).size());
        var other = (com.fasterxml.jackson.databind.node.ObjectNode)
                m.readTree("{\"subsets\":[{\"addresses\":[{\"ip\":\"2.2.2.2\"}]}]}");
        assertEquals(
                "[{\"op\":\"add\",\"path\":\"/subsets\",\"value\":[{\"addresses\":[{\"ip\":\"2.2.2.2\"}]}]}]",
                JsonPatches.toContain(actual, other).toString());
    }
}
