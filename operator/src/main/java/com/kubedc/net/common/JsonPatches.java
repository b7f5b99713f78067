package com.kubedc.net.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kubedc.net.vocabulary.Json;
import java.util.Iterator;
import java.util.Map;

/**
 * RFC 6902 JSON Patches that set exactly the fields we own, with a {@code test} where a stale read
 * must not win (a merge patch cannot say "only if it still is"). Granularity: one op per label/annotation key and per top-level field of
 * {@code spec}/{@code data}, so fields written by others are never touched.
 */
public final class JsonPatches {
    private JsonPatches() {}

    /** Ops turning {@code actual} into an object that contains {@code fragment}; empty array if none needed. */
    public static ArrayNode toContain(JsonNode actual, ObjectNode fragment) {
        ArrayNode ops = Json.object().arrayNode();
        JsonNode meta = fragment.path("metadata");
        for (String map : new String[] {"labels", "annotations"}) {
            if (meta.has(map)) {
                mapOps(ops, "/metadata/" + map, actual.path("metadata").path(map), meta.get(map), true);
            }
        }
        Iterator<Map.Entry<String, JsonNode>> top = fragment.fields();
        while (top.hasNext()) {
            Map.Entry<String, JsonNode> e = top.next();
            if (e.getKey().equals("metadata")) {
                continue;
            }
            if (e.getValue().isObject()) {
                mapOps(ops, "/" + e.getKey(), actual.path(e.getKey()), e.getValue(), false);
            } else if (!Json.contains(actual.get(e.getKey()), e.getValue())) {
                add(ops, "add", "/" + e.getKey(), e.getValue()); // a top-level list (Endpoints subsets) is ours whole
            }
        }
        return ops;
    }

    /**
     * {@code keysMatter}: labels and annotations, where a key with an empty value (a marker such as
     * {@code kube-dc.com/project: ""}) is there or not; in a spec an empty value and a missing one
     * are the same (the API server drops empties).
     */
    private static void mapOps(ArrayNode ops, String path, JsonNode actual, JsonNode desired, boolean keysMatter) {
        if (!actual.isObject()) {
            if (keysMatter ? desired.size() > 0 : !Json.isEmpty(desired)) {
                add(ops, "add", path, desired);
            }
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = desired.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path + "/" + escape(e.getKey());
            JsonNode have = actual.get(e.getKey());
            boolean absent = have == null || have.isNull();
            if (keysMatter && absent && !e.getValue().isNull()) {
                add(ops, "add", p, e.getValue());
                continue;
            }
            if (Json.contains(have, e.getValue())) {
                continue;
            }
            if (e.getValue().isNull()) {
                ObjectNode op = ops.addObject();
                op.put("op", "remove").put("path", p);
            } else {
                add(ops, "add", p, e.getValue());
            }
        }
    }

    /** A guard that fails the patch (409-like 422/409) if the object changed since we read it. */
    public static void testResourceVersion(ArrayNode ops, String resourceVersion) {
        ObjectNode op = Json.object();
        op.put("op", "test").put("path", "/metadata/resourceVersion").put("value", resourceVersion);
        ops.insert(0, op);
    }

    static void add(ArrayNode ops, String op, String path, JsonNode value) {
        ObjectNode o = ops.addObject();
        o.put("op", op).put("path", path);
        o.set("value", value);
    }

    /** RFC 6901 escaping of one path segment. */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
