package com.kubedc.net.ovn.ovsdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** table → row uuid → change, as a monitor reply or an {@code update} notification carries them. */
public record TableUpdates(Map<String, Map<String, RowUpdate>> tables) {
    public static TableUpdates parse(JsonNode json) {
        Map<String, Map<String, RowUpdate>> tables = new LinkedHashMap<>();
        if (json == null || !json.isObject()) {
            return new TableUpdates(tables);
        }
        Iterator<Map.Entry<String, JsonNode>> t = json.fields();
        while (t.hasNext()) {
            Map.Entry<String, JsonNode> table = t.next();
            Map<String, RowUpdate> rows = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> r = table.getValue().fields();
            while (r.hasNext()) {
                Map.Entry<String, JsonNode> row = r.next();
                JsonNode old = row.getValue().get("old");
                JsonNode neu = row.getValue().get("new");
                rows.put(
                        row.getKey(),
                        new RowUpdate(old instanceof ObjectNode o ? o : null, neu instanceof ObjectNode n ? n : null));
            }
            tables.put(table.getKey(), rows);
        }
        return new TableUpdates(tables);
    }
}
