package com.kubedc.net.ovn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.kubedc.net.ovn.ovsdb.Ops;
import com.kubedc.net.vocabulary.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The OVSDB operations that make the NB hold exactly a Service's load balancers, attached to its
 * router and switch, computed from the mirror. Pure; empty when nothing differs (a converged
 * Service costs no transaction). An insert is guarded by a {@code wait} that no row of that name
 * exists, so a mirror one update behind can never create a duplicate: the transaction fails and
 * is retried on fresh state.
 */
public final class NbPlan {
    /** Operations to run in one transaction, or what is missing (router/switch not made by Kube-OVN yet). */
    public record Plan(List<ObjectNode> ops, String waitingFor) {
        public boolean waiting() {
            return waitingFor != null;
        }
    }

    private NbPlan() {}

    public static Plan sync(
            NbState state, List<LbRow> desired, Collection<String> owner, String router, String logicalSwitch) {
        var r = state.router(router);
        var s = state.logicalSwitch(logicalSwitch);
        if (r.isEmpty() || s.isEmpty()) {
            return new Plan(List.of(), r.isEmpty() ? "logical router " + router : "logical switch " + logicalSwitch);
        }
        List<ObjectNode> ops = new ArrayList<>();
        List<String> wanted = desired.stream().map(LbRow::name).toList();
        // rows of this owner that are no longer wanted (a protocol went away), and duplicates
        for (NbState.Lb lb : owned(state, owner)) {
            boolean keep = wanted.contains(lb.row().name())
                    && state.lbsNamed(lb.row().name()).stream()
                            .min(Comparator.comparing(NbState.Lb::uuid))
                            .get()
                            .uuid()
                            .equals(lb.uuid());
            if (!keep) {
                remove(state, lb, ops);
            }
        }
        int n = 0;
        for (LbRow row : desired) {
            var existing = state.lbsNamed(row.name()).stream().min(Comparator.comparing(NbState.Lb::uuid));
            if (existing.isEmpty()) {
                String ref = "lb" + n++;
                ops.add(Ops.waitUntil(
                        NbState.LOAD_BALANCER,
                        byName(row.name()),
                        List.of("name"),
                        "==",
                        Json.object().arrayNode(),
                        0));
                ops.add(Ops.insert(NbState.LOAD_BALANCER, columns(row), ref));
                ops.add(attach(NbState.LOGICAL_ROUTER, router, Ops.namedUuid(ref)));
                ops.add(attach(NbState.LOGICAL_SWITCH, logicalSwitch, Ops.namedUuid(ref)));
                continue;
            }
            NbState.Lb lb = existing.get();
            LbRow want = keepOthersIds(row, lb.row());
            if (!Objects.equals(lb.row(), want)) {
                ops.add(Ops.update(NbState.LOAD_BALANCER, byUuid(lb.uuid()), columns(want)));
            }
            if (!r.get().loadBalancers().contains(lb.uuid())) {
                ops.add(attach(NbState.LOGICAL_ROUTER, router, Ops.uuid(lb.uuid())));
            }
            if (!s.get().loadBalancers().contains(lb.uuid())) {
                ops.add(attach(NbState.LOGICAL_SWITCH, logicalSwitch, Ops.uuid(lb.uuid())));
            }
        }
        return new Plan(ops, null);
    }

    /**
     * {@code desired} plus the {@code external_ids} keys others put on the row (a row upstream's
     * manager made keeps its own keys when we adopt it by name; ours are set, never theirs removed).
     */
    static LbRow keepOthersIds(LbRow desired, LbRow actual) {
        if (actual.externalIds().keySet().stream().allMatch(desired.externalIds()::containsKey)) {
            return desired;
        }
        java.util.Map<String, String> ids = new java.util.TreeMap<>(actual.externalIds());
        ids.putAll(desired.externalIds());
        return new LbRow(desired.name(), desired.protocol(), desired.vips(), ids);
    }

    /** Detaches and deletes every row of {@code owner} ({@code ns/svc}, or several for a sweep). */
    public static List<ObjectNode> remove(NbState state, Collection<String> owner) {
        List<ObjectNode> ops = new ArrayList<>();
        owned(state, owner).forEach(lb -> remove(state, lb, ops));
        return ops;
    }

    static List<NbState.Lb> owned(NbState state, Collection<String> owner) {
        return state.ours().stream()
                .filter(lb -> owner.contains(lb.row().externalIds().get(LbRow.OWNER)))
                .sorted(Comparator.comparing(NbState.Lb::uuid))
                .toList();
    }

    private static void remove(NbState state, NbState.Lb lb, List<ObjectNode> ops) {
        for (NbState.Datapath d : state.holders(lb.uuid())) {
            ops.add(Ops.mutate(
                    state.isRouter(d) ? NbState.LOGICAL_ROUTER : NbState.LOGICAL_SWITCH,
                    byUuid(d.uuid()),
                    Json.object()
                            .arrayNode()
                            .add(Ops.mutation("load_balancer", "delete", Ops.set(Ops.uuid(lb.uuid()))))));
        }
        ops.add(Ops.delete(NbState.LOAD_BALANCER, byUuid(lb.uuid())));
    }

    static ObjectNode columns(LbRow row) {
        ObjectNode c = Json.object();
        c.put("name", row.name());
        c.put("protocol", row.protocol());
        c.set("vips", Ops.map(row.vips()));
        c.set("external_ids", Ops.map(row.externalIds()));
        return c;
    }

    static ObjectNode attach(String table, String name, com.fasterxml.jackson.databind.JsonNode ref) {
        return Ops.mutate(
                table,
                byName(name),
                Json.object().arrayNode().add(Ops.mutation("load_balancer", "insert", Ops.set(ref))));
    }

    static com.fasterxml.jackson.databind.node.ArrayNode byName(String name) {
        return Ops.where(Ops.condition("name", "==", TextNode.valueOf(name)));
    }

    static com.fasterxml.jackson.databind.node.ArrayNode byUuid(String uuid) {
        return Ops.where(Ops.condition("_uuid", "==", Ops.uuid(uuid)));
    }
}
