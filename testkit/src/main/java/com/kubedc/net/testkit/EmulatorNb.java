package com.kubedc.net.testkit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.kubedc.net.ovn.ovsdb.Endpoint;
import com.kubedc.net.ovn.ovsdb.Ops;
import com.kubedc.net.ovn.ovsdb.OvsdbClient;
import com.kubedc.net.ovn.ovsdb.OvsdbConnectionException;
import com.kubedc.net.ovn.ovsdb.OvsdbOptions;
import com.kubedc.net.ovn.ovsdb.OvsdbTransactionException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulator's part of OVN: as kube-ovn-controller does, a logical router per Vpc and a logical
 * switch per project Subnet in the NB, made when the object appears and removed when it goes.
 */
final class EmulatorNb implements AutoCloseable {
    static final String ROUTER = "Logical_Router";
    static final String SWITCH = "Logical_Switch";
    private final OvsdbClient client;
    private final Set<String> made = ConcurrentHashMap.newKeySet();

    /** {@code resync} runs after every reconnect: the NB may have lost rows (restarted empty), as kube-ovn-controller then re-creates its own. */
    EmulatorNb(String endpoints, Runnable resync) {
        this.client = OvsdbClient.start(OvsdbOptions.defaults(Endpoint.parse(endpoints), "OVN_Northbound"));
        client.onConnectionChange(up -> {
            if (up) {
                made.clear();
                resync.run();
            }
        });
    }

    /** Creates the row named {@code name} in {@code table} unless it exists. */
    void ensure(String table, String name) {
        if (made.contains(table + "/" + name)) {
            return;
        }
        ObjectNode row = JsonNodeFactory.instance.objectNode().put("name", name);
        try {
            run(List.of(
                    Ops.waitUntil(table, byName(name), List.of("name"), "==", JsonNodeFactory.instance.arrayNode(), 0),
                    Ops.insert(table, row, null)));
        } catch (OvsdbTransactionException e) {
            if (!"timed out".equals(e.error())) {
                throw e; // "timed out": the row is already there
            }
        }
        made.add(table + "/" + name);
    }

    void delete(String table, String name) {
        run(List.of(Ops.delete(table, byName(name))));
        made.remove(table + "/" + name);
    }

    private void run(List<ObjectNode> ops) {
        if (!client.isConnected()) {
            throw new OvsdbConnectionException("emulator: OVN NB not connected");
        }
        try {
            client.transact(ops).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode byName(String name) {
        return Ops.where(Ops.condition("name", "==", TextNode.valueOf(name)));
    }

    @Override
    public void close() {
        client.close();
    }
}
