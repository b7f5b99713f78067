package com.kubedc.net.ovn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kubedc.net.ovn.ovsdb.MonitorListener;
import com.kubedc.net.ovn.ovsdb.Ops;
import com.kubedc.net.ovn.ovsdb.TableUpdates;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the OVN NB holds that we care about, mirrored from an OVSDB monitor: load balancers, and
 * the logical routers and switches with the load balancers attached to them. Plans are computed
 * against it; every change made behind our back arrives here and is reported as the owners
 * (and router/switch names) it touches, so their Services are reconciled again.
 */
public final class NbState implements MonitorListener {
    public static final String LOAD_BALANCER = "Load_Balancer";
    public static final String LOGICAL_ROUTER = "Logical_Router";
    public static final String LOGICAL_SWITCH = "Logical_Switch";
    /** Tables and columns monitored. */
    public static final Map<String, List<String>> COLUMNS = Map.of(
            LOAD_BALANCER, List.of("name", "protocol", "vips", "external_ids"),
            LOGICAL_ROUTER, List.of("name", "load_balancer"),
            LOGICAL_SWITCH, List.of("name", "load_balancer"));

    /** A Load_Balancer row. */
    public record Lb(String uuid, LbRow row) {}

    /** A logical router or switch and the load balancers attached to it. */
    public record Datapath(String uuid, String name, Set<String> loadBalancers) {}

    /** What changed: owners ({@code ns/svc}) of touched rows, names of touched routers/switches; {@code all} after a resync. */
    public record Change(Set<String> owners, Set<String> datapaths, boolean all) {}

    private final Map<String, Lb> lbs = new ConcurrentHashMap<>();
    private final Map<String, Datapath> routers = new ConcurrentHashMap<>();
    private final Map<String, Datapath> switches = new ConcurrentHashMap<>();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean synced;

    public void onChange(Consumer<Change> listener) {
        listeners.add(listener);
    }

    /** True once a snapshot arrived: before that, nothing is known and nothing may be planned. */
    public boolean synced() {
        return synced;
    }

    @Override
    public synchronized void onSnapshot(TableUpdates snapshot) {
        lbs.clear();
        routers.clear();
        switches.clear();
        apply(snapshot);
        synced = true;
        notify(new Change(Set.of(), Set.of(), true));
    }

    @Override
    public synchronized void onUpdate(TableUpdates update) {
        notify(apply(update));
    }

    /** Marks the mirror stale (connection lost): plans wait for the next snapshot. */
    public void disconnected() {
        synced = false;
    }

    private Change apply(TableUpdates u) {
        Set<String> owners = new HashSet<>();
        Set<String> datapaths = new HashSet<>();
        u.tables().getOrDefault(LOAD_BALANCER, Map.of()).forEach((uuid, ru) -> {
            Lb old = lbs.remove(uuid);
            if (old != null) {
                owners.add(old.row().externalIds().getOrDefault(LbRow.OWNER, ""));
            }
            if (ru.newRow() != null) {
                Lb lb = new Lb(uuid, lbRow(ru.newRow()));
                lbs.put(uuid, lb);
                owners.add(lb.row().externalIds().getOrDefault(LbRow.OWNER, ""));
            }
        });
        datapaths(u, LOGICAL_ROUTER, routers, owners, datapaths);
        datapaths(u, LOGICAL_SWITCH, switches, owners, datapaths);
        owners.remove("");
        return new Change(owners, datapaths, false);
    }

    private void datapaths(
            TableUpdates u, String table, Map<String, Datapath> into, Set<String> owners, Set<String> names) {
        u.tables().getOrDefault(table, Map.of()).forEach((uuid, ru) -> {
            Datapath old = into.remove(uuid);
            Set<String> touched = new HashSet<>();
            if (old != null) {
                names.add(old.name());
                touched.addAll(old.loadBalancers());
            }
            if (ru.newRow() != null) {
                Datapath d = new Datapath(
                        uuid,
                        text(ru.newRow(), "name"),
                        Set.copyOf(Ops.readSet(ru.newRow().get("load_balancer"))));
                into.put(uuid, d);
                names.add(d.name());
                // attached or detached load balancers: their owners must look again
                if (old != null) {
                    Set<String> diff = new HashSet<>(d.loadBalancers());
                    diff.removeAll(old.loadBalancers());
                    Set<String> gone = new HashSet<>(old.loadBalancers());
                    gone.removeAll(d.loadBalancers());
                    touched = diff;
                    touched.addAll(gone);
                }
            }
            touched.stream()
                    .map(lbs::get)
                    .filter(x -> x != null)
                    .forEach(x -> owners.add(x.row().externalIds().getOrDefault(LbRow.OWNER, "")));
        });
    }

    static LbRow lbRow(ObjectNode row) {
        return new LbRow(
                text(row, "name"),
                text(row, "protocol"),
                Ops.readMap(row.get("vips")),
                Ops.readMap(row.get("external_ids")));
    }

    static String text(JsonNode row, String column) {
        JsonNode v = row.get(column);
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isArray()) {
            List<String> set = Ops.readSet(v); // an optional column is a set of 0 or 1
            return set.isEmpty() ? "" : set.get(0);
        }
        return v.asText();
    }

    private void notify(Change c) {
        listeners.forEach(l -> l.accept(c));
    }

    public List<Lb> lbsNamed(String name) {
        return lbs.values().stream().filter(l -> name.equals(l.row().name())).toList();
    }

    /** Rows we made (our managed-by tag), whoever owns them. */
    public List<Lb> ours() {
        return lbs.values().stream()
                .filter(l -> LbRow.MANAGED_BY_VALUE.equals(l.row().externalIds().get(LbRow.MANAGED_BY)))
                .toList();
    }

    public Optional<Datapath> router(String name) {
        return routers.values().stream().filter(d -> name.equals(d.name())).findFirst();
    }

    public Optional<Datapath> logicalSwitch(String name) {
        return switches.values().stream().filter(d -> name.equals(d.name())).findFirst();
    }

    /** Routers and switches holding the load balancer {@code uuid}. */
    public List<Datapath> holders(String uuid) {
        return java.util.stream.Stream.concat(routers.values().stream(), switches.values().stream())
                .filter(d -> d.loadBalancers().contains(uuid))
                .toList();
    }

    public boolean isRouter(Datapath d) {
        return routers.containsKey(d.uuid());
    }
}
