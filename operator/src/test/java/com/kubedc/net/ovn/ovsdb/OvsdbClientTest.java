package com.kubedc.net.ovn.ovsdb;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.kubedc.net.testkit.LocalNb;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The OVSDB client against a real ovsdb-server holding the OVN NB schema; ovn-nbctl as the independent side. */
@Tag("server")
class OvsdbClientTest {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final Duration WAIT = Duration.ofSeconds(15);

    LocalNb server;
    OvsdbClient client;

    @BeforeEach
    void start() {
        server = LocalNb.start();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    OvsdbClient connect(String endpoints, Duration echo) {
        var o = OvsdbOptions.defaults(Endpoint.parse(endpoints), "OVN_Northbound");
        client = OvsdbClient.start(new OvsdbOptions(
                o.endpoints(),
                o.database(),
                Duration.ofSeconds(5),
                echo,
                Duration.ofMillis(50),
                Duration.ofMillis(500)));
        await().atMost(WAIT).until(client::isConnected);
        return client;
    }

    static List<JsonNode> run(OvsdbClient c, ObjectNode... ops) {
        return c.transact(List.of(ops)).join();
    }

    static com.fasterxml.jackson.databind.node.ArrayNode byName(String name) {
        return Ops.where(Ops.condition("name", "==", TextNode.valueOf(name)));
    }

    static ObjectNode lb(String name, Map<String, String> vips) {
        ObjectNode row = F.objectNode();
        row.put("name", name);
        row.put("protocol", "tcp");
        row.set("vips", Ops.map(vips));
        row.set("external_ids", Ops.map(Map.of("kube-dc.com/owner", "ns/svc")));
        return row;
    }

    @Test
    void oneTransactionInsertsALoadBalancerAndAttachesItToANewRouterThenUpdatesMutatesAndDeletes() {
        OvsdbClient c = connect(server.endpoint(), Duration.ofSeconds(5));
        ObjectNode router = F.objectNode();
        router.put("name", "ns1");
        router.set("load_balancer", Ops.set(Ops.namedUuid("lb")));
        List<JsonNode> r = run(
                c,
                Ops.insert("Load_Balancer", lb("ns1-web-tcp", Map.of("100.65.0.5:80", "10.0.0.2:8080")), "lb"),
                Ops.insert("Logical_Router", router, null));
        String lbUuid = r.get(0).get("uuid").get(1).asText();
        assertTrue(server.nbctl("lb-list").contains("ns1-web-tcp"), "ovn-nbctl sees the row");
        assertTrue(server.nbctl("lr-lb-list", "ns1").contains("ns1-web-tcp"), "attached to the router");

        run(
                c,
                Ops.update(
                        "Load_Balancer",
                        byName("ns1-web-tcp"),
                        vipsOnly(Map.of("100.65.0.5:80", "10.0.0.2:8080,10.0.0.3:8080"))));
        assertTrue(server.nbctl("lb-list", "ns1-web-tcp").contains("10.0.0.3:8080"));

        run(
                c,
                Ops.mutate(
                        "Load_Balancer",
                        byName("ns1-web-tcp"),
                        F.arrayNode().add(Ops.mutation("external_ids", "insert", Ops.map(Map.of("extra", "1"))))));
        assertTrue(server.nbctl("get", "Load_Balancer", lbUuid, "external_ids").contains("extra"));

        List<JsonNode> selected =
                run(c, Ops.select("Load_Balancer", byName("ns1-web-tcp"), List.of("name", "vips", "external_ids")));
        JsonNode row = selected.get(0).get("rows").get(0);
        assertEquals(Map.of("100.65.0.5:80", "10.0.0.2:8080,10.0.0.3:8080"), Ops.readMap(row.get("vips")));
        assertEquals("1", Ops.readMap(row.get("external_ids")).get("extra"));

        run(
                c,
                Ops.mutate(
                        "Logical_Router",
                        byName("ns1"),
                        F.arrayNode().add(Ops.mutation("load_balancer", "delete", Ops.set(Ops.uuid(lbUuid))))),
                Ops.delete("Load_Balancer", byName("ns1-web-tcp")));
        assertFalse(server.nbctl("lb-list").contains("ns1-web-tcp"));
        assertEquals(5, c.transactions(), "every transact is counted");
    }

    static ObjectNode vipsOnly(Map<String, String> vips) {
        ObjectNode row = F.objectNode();
        row.set("vips", Ops.map(vips));
        return row;
    }

    @Test
    void aRefusedOperationIsATypedErrorNamingTheOperation() {
        OvsdbClient c = connect(server.endpoint(), Duration.ofSeconds(5));
        run(c, Ops.insert("Load_Balancer", lb("taken", Map.of()), null));
        CompletionException e = assertThrows(
                CompletionException.class,
                () -> run(
                        c,
                        Ops.select("Load_Balancer", Ops.where(), List.of("name")),
                        Ops.waitUntil("Load_Balancer", byName("taken"), List.of("name"), "==", F.arrayNode(), 0)));
        OvsdbTransactionException t = assertInstanceOf(OvsdbTransactionException.class, e.getCause());
        assertEquals(1, t.operation());
        assertEquals("timed out", t.error());

        CompletionException unknown = assertThrows(
                CompletionException.class, () -> run(c, Ops.insert("No_Such_Table", F.objectNode(), null)));
        assertInstanceOf(OvsdbTransactionException.class, unknown.getCause());
    }

    @Test
    void aMonitorGetsTheSnapshotThenEveryChangeMadeByAnotherClient() {
        server.nbctl("lb-add", "before", "100.65.0.9:22", "10.0.0.9:22", "tcp");
        OvsdbClient c = connect(server.endpoint(), Duration.ofSeconds(5));
        Recorder rec = new Recorder();
        c.monitor("m", Map.of("Load_Balancer", List.of("name", "vips")), rec);
        await().atMost(WAIT).until(() -> !rec.snapshots.isEmpty());
        assertEquals(List.of("before"), names(rec.snapshots.get(0)));

        server.nbctl("lb-add", "after", "100.65.0.10:80", "10.0.0.10:80", "tcp");
        await().atMost(WAIT).until(() -> rec.updates.stream().anyMatch(u -> names(u).contains("after")));
        RowUpdate inserted = only(rec.updates.get(rec.updates.size() - 1));
        assertEquals(null, inserted.oldRow());

        rec.updates.clear();
        server.nbctl("lb-add", "after", "100.65.0.10:443", "10.0.0.10:443", "tcp");
        await().atMost(WAIT).until(() -> !rec.updates.isEmpty());
        RowUpdate modified = only(rec.updates.get(0));
        assertTrue(modified.oldRow().has("vips") && modified.newRow().has("vips"));
        assertEquals(2, Ops.readMap(modified.newRow().get("vips")).size());

        rec.updates.clear();
        server.nbctl("lb-del", "after");
        await().atMost(WAIT).until(() -> !rec.updates.isEmpty());
        assertEquals(null, only(rec.updates.get(0)).newRow());
    }

    @Test
    void whenTheServerDiesRequestsFailFastAndTheClientReconnectsAndResyncsItsMonitor() {
        OvsdbClient c = connect(server.endpoint(), Duration.ofSeconds(5));
        Recorder rec = new Recorder();
        List<Boolean> states = new CopyOnWriteArrayList<>();
        c.onConnectionChange(states::add);
        c.monitor("m", Map.of("Load_Balancer", List.of("name")), rec);
        await().atMost(WAIT).until(() -> rec.snapshots.size() == 1);

        server.stop();
        await().atMost(WAIT).until(() -> !c.isConnected());
        CompletionException e =
                assertThrows(CompletionException.class, () -> run(c, Ops.select("Load_Balancer", Ops.where(), null)));
        assertInstanceOf(OvsdbConnectionException.class, e.getCause());

        // Written while the server is down, so only the resync can bring it: written after the restart, it raced the
        // client's resync, and the wait for "a second snapshot" could pass on one taken before the write.
        server.transactWhileStopped(F.arrayNode()
                .add("OVN_Northbound")
                .add(Ops.insert("Load_Balancer", lb("made-while-we-were-away", Map.of()), null))
                .toString());
        server.restart();
        await().atMost(WAIT).until(() -> states.contains(true));
        assertEquals(List.of(false, true), states, "one drop, one reconnect");
        assertEquals(2, rec.snapshots.size(), "the monitor is resynced before the reconnect is announced");
        assertEquals(
                List.of("made-while-we-were-away"),
                names(rec.snapshots.get(1)),
                "the fresh snapshot holds what changed meanwhile");

        server.nbctl("lb-add", "made-after-the-reconnect", "100.65.0.11:80", "10.0.0.11:80", "tcp");
        await().atMost(WAIT)
                .until(() -> rec.updates.stream().anyMatch(u -> names(u).contains("made-after-the-reconnect")));
        assertEquals(2, rec.snapshots.size(), "a change after the reconnect is an update on the resynced monitor");
        assertEquals(
                2,
                run(c, Ops.select("Load_Balancer", Ops.where(), List.of("name")))
                        .get(0)
                        .get("rows")
                        .size());
    }

    @Test
    void theFirstEndpointDownTheClientUsesTheNext() {
        int closed = LocalNb.freePort();
        OvsdbClient c = connect("tcp:127.0.0.1:" + closed + ",tcp:127.0.0.1:" + server.port(), Duration.ofSeconds(5));
        assertEquals(
                0,
                run(c, Ops.select("Load_Balancer", Ops.where(), null))
                        .get(0)
                        .get("rows")
                        .size());
    }

    @Test
    void keepaliveKeepsTheSessionAcrossManyEchoIntervalsAndIsNotCountedAsTransactions() throws Exception {
        OvsdbClient c = connect(server.endpoint(), Duration.ofMillis(100));
        List<Boolean> states = new CopyOnWriteArrayList<>();
        c.onConnectionChange(states::add);
        Thread.sleep(1500);
        assertTrue(c.isConnected());
        assertEquals(List.of(), states, "no reconnect");
        assertEquals(0, c.transactions());
        run(c, Ops.select("Load_Balancer", Ops.where(), null));
        assertEquals(1, c.transactions());
    }

    static List<String> names(TableUpdates u) {
        return u.tables().getOrDefault("Load_Balancer", Map.of()).values().stream()
                .map(r -> (r.newRow() != null ? r.newRow() : r.oldRow())
                        .path("name")
                        .asText())
                .sorted()
                .toList();
    }

    static RowUpdate only(TableUpdates u) {
        var rows = u.tables().get("Load_Balancer");
        assertEquals(1, rows.size(), rows.toString());
        return rows.values().iterator().next();
    }

    static final class Recorder implements MonitorListener {
        final List<TableUpdates> snapshots = new CopyOnWriteArrayList<>();
        final List<TableUpdates> updates = new CopyOnWriteArrayList<>();

        @Override
        public void onSnapshot(TableUpdates s) {
            snapshots.add(s);
        }

        @Override
        public void onUpdate(TableUpdates u) {
            updates.add(u);
        }
    }
}
