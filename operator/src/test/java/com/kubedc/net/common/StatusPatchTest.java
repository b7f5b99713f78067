package com.kubedc.net.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A status write sets whole top-level fields under a test of the version it was computed from; no list is edited by index. */
class StatusPatchTest {
    static JsonNode json(String s) {
        return Serialization.unmarshal(s, JsonNode.class);
    }

    @Test
    void aShrunkListIsWrittenWholeAfterATestOfTheVersionItWasReadAt() {
        JsonNode actual = json("""
                {"metadata": {"resourceVersion": "41"}, "status": {"ready": true, "owners": [{"type": "Snat", "ownerRef": "a"},
                 {"type": "ServiceLb", "ownerRef": "b"}, {"type": "ServiceLb", "ownerRef": "c"}]}}""");
        ObjectNode fields = (ObjectNode) json("""
                {"ready": true, "owners": [{"type": "Snat", "ownerRef": "a"}, {"type": "ServiceLb", "ownerRef": "c"}]}""");
        assertEquals(json("""
                [{"op": "test", "path": "/metadata/resourceVersion", "value": "41"},
                 {"op": "add", "path": "/status/owners", "value": [{"type": "Snat", "ownerRef": "a"}, {"type": "ServiceLb", "ownerRef": "c"}]}]"""), StatusPatch.ops(actual, fields));
    }

    @Test
    void aFieldWeNoLongerSetIsRemovedAndOthersFieldsAreNotTouched() {
        JsonNode actual = json("""
                {"metadata": {"resourceVersion": "5"}, "status": {"ready": true, "gatewayIP": "1.2.3.4", "quotaUsage": {"cpu": 1}}}""");
        ObjectNode fields = StatusPatch.owned(
                actual.path("status"), json("{\"ready\": false}"), List.of("ready", "gatewayIP", "conditions"));
        assertEquals(json("""
                [{"op": "test", "path": "/metadata/resourceVersion", "value": "5"},
                 {"op": "add", "path": "/status/ready", "value": false},
                 {"op": "remove", "path": "/status/gatewayIP"}]"""), StatusPatch.ops(actual, fields));
    }

    @Test
    void noStatusYetIsOneAddOfOurFieldsAndNothingToChangeIsNoPatch() {
        JsonNode bare = json("{\"metadata\": {\"resourceVersion\": \"1\"}}");
        assertEquals(json("""
                [{"op": "test", "path": "/metadata/resourceVersion", "value": "1"}, {"op": "add", "path": "/status", "value": {"ready": true}}]"""), StatusPatch.ops(bare, (ObjectNode) json("{\"ready\": true, \"gatewayIP\": null}")));
        JsonNode same = json("{\"metadata\": {\"resourceVersion\": \"2\"}, \"status\": {\"ready\": true}}");
        assertEquals(json("[]"), StatusPatch.ops(same, (ObjectNode) json("{\"ready\": true, \"gatewayIP\": null}")));
    }
}
