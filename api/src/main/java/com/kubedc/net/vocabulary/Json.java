package com.kubedc.net.vocabulary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Iterator;
import java.util.Map;

/** JSON helpers for "write only what differs": a desired fragment is compared to what exists. */
public final class Json {
    private static final ObjectMapper MAPPER = Serialization.jsonMapper();

    private Json() {}

    public static JsonNode tree(Object o) {
        return o == null ? MAPPER.nullNode() : MAPPER.valueToTree(o);
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String write(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * True when every field of {@code desired} is present in {@code actual} with the same value.
     * Objects compare field by field (extra fields in {@code actual} are someone else's); arrays
     * compare whole; a missing or null field equals an empty array, object or string.
     */
    public static boolean contains(JsonNode actual, JsonNode desired) {
        if (isEmpty(desired)) {
            return isEmpty(actual);
        }
        if (actual == null || actual.isNull() || actual.isMissingNode()) {
            return false;
        }
        if (desired.isObject()) {
            if (!actual.isObject()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> it = desired.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!contains(actual.get(e.getKey()), e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (desired.isArray()) {
            if (!actual.isArray() || actual.size() != desired.size()) {
                return false;
            }
            for (int i = 0; i < desired.size(); i++) {
                if (!contains(actual.get(i), desired.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (desired.isNumber() && actual.isNumber()) {
            return desired.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return desired.equals(actual);
    }

    public static boolean isEmpty(JsonNode n) {
        return n == null
                || n.isNull()
                || n.isMissingNode()
                || (n.isContainerNode() && n.isEmpty())
                || (n.isTextual() && n.asText().isEmpty());
    }
}
