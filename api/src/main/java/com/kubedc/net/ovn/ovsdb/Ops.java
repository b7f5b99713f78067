package com.kubedc.net.ovn.ovsdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builders of RFC 7047 operations (§5.2) and values (§5.1), and readers of values. */
public final class Ops {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Ops() {}

    public static ObjectNode insert(String table, ObjectNode row, String uuidName) {
        ObjectNode op = op("insert", table);
        op.set("row", row);
        if (uuidName != null) {
            op.put("uuid-name", uuidName);
        }
        return op;
    }

    public static ObjectNode update(String table, ArrayNode where, ObjectNode row) {
        ObjectNode op = op("update", table);
        op.set("where", where);
        op.set("row", row);
        return op;
    }

    public static ObjectNode mutate(String table, ArrayNode where, ArrayNode mutations) {
        ObjectNode op = op("mutate", table);
        op.set("where", where);
        op.set("mutations", mutations);
        return op;
    }

    public static ObjectNode delete(String table, ArrayNode where) {
        ObjectNode op = op("delete", table);
        op.set("where", where);
        return op;
    }

    public static ObjectNode select(String table, ArrayNode where, List<String> columns) {
        ObjectNode op = op("select", table);
        op.set("where", where);
        if (columns != null) {
            ArrayNode c = op.putArray("columns");
            columns.forEach(c::add);
        }
        return op;
    }

    /** Fails the transaction unless the rows matching {@code where} are (or are not) exactly {@code rows} within {@code timeoutMs}. */
    public static ObjectNode waitUntil(
            String table, ArrayNode where, List<String> columns, String until, ArrayNode rows, Integer timeoutMs) {
        ObjectNode op = op("wait", table);
        op.set("where", where);
        ArrayNode c = op.putArray("columns");
        columns.forEach(c::add);
        op.put("until", until);
        op.set("rows", rows);
        if (timeoutMs != null) {
            op.put("timeout", timeoutMs);
        }
        return op;
    }

    public static ArrayNode where(ArrayNode... conditions) {
        ArrayNode w = F.arrayNode();
        for (ArrayNode c : conditions) {
            w.add(c);
        }
        return w;
    }

    public static ArrayNode condition(String column, String function, JsonNode value) {
        return F.arrayNode().add(column).add(function).add(value);
    }

    public static ArrayNode mutation(String column, String mutator, JsonNode value) {
        return F.arrayNode().add(column).add(mutator).add(value);
    }

    public static ArrayNode uuid(String uuid) {
        return F.arrayNode().add("uuid").add(uuid);
    }

    public static ArrayNode namedUuid(String name) {
        return F.arrayNode().add("named-uuid").add(name);
    }

    public static ArrayNode set(JsonNode... members) {
        ArrayNode m = F.arrayNode();
        for (JsonNode j : members) {
            m.add(j);
        }
        return F.arrayNode().add("set").add(m);
    }

    /** An OVSDB map of strings, keys sorted (stable requests, comparable rows). */
    public static ArrayNode map(Map<String, String> m) {
        ArrayNode pairs = F.arrayNode();
        new TreeMap<>(m).forEach((k, v) -> pairs.add(F.arrayNode().add(k).add(v)));
        return F.arrayNode().add("map").add(pairs);
    }

    /** A map column's value as strings; atoms such as uuids become their string. */
    public static Map<String, String> readMap(JsonNode v) {
        Map<String, String> out = new TreeMap<>();
        if (v != null && v.isArray() && v.size() == 2 && "map".equals(v.get(0).asText())) {
            for (JsonNode pair : v.get(1)) {
                out.put(atom(pair.get(0)), atom(pair.get(1)));
            }
        }
        return out;
    }

    /** A set column's members as strings; a single atom is a set of one (RFC 7047 §5.1). */
    public static List<String> readSet(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray() && v.size() == 2 && "set".equals(v.get(0).asText())) {
            v.get(1).forEach(m -> out.add(atom(m)));
        } else {
            out.add(atom(v));
        }
        return out;
    }

    /** An atom as a string: {@code ["uuid", u]} → u, scalars as text. */
    public static String atom(JsonNode v) {
        if (v.isArray()
                && v.size() == 2
                && ("uuid".equals(v.get(0).asText())
                        || "named-uuid".equals(v.get(0).asText()))) {
            return v.get(1).asText();
        }
        return v.isTextual() ? v.textValue() : v.toString();
    }

    private static ObjectNode op(String name, String table) {
        ObjectNode op = F.objectNode();
        op.put("op", name);
        op.put("table", table);
        return op;
    }

    static TextNode text(String s) {
        return TextNode.valueOf(s);
    }
}
