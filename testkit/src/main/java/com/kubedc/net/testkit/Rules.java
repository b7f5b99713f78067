package com.kubedc.net.testkit;

import com.kubedc.net.network.Ip;
import com.kubedc.net.thirdparty.kubeovn.KubeOvn;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.thirdparty.kubeovn.OvnFip;
import com.kubedc.net.thirdparty.kubeovn.OvnSnatRule;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
import com.kubedc.net.thirdparty.kubeovn.Vpc;
import com.kubedc.net.thirdparty.kubeovn.VpcDns;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** What kube-ovn-controller does for each kind, one object at a time (called from the single worker). */
final class Rules {
    private static final String F = KubeOvn.FINALIZER;
    private final KubeOvnEmulator e;
    /** Addresses handed out but maybe not yet visible in the informer cache. */
    private final Map<String, String> assigned = new ConcurrentHashMap<>();
    /** Router-port OvnEips made per Vpc uid: never made twice, deleted with the Vpc. */
    private final Map<String, Set<String>> routerPorts = new ConcurrentHashMap<>();

    Rules(KubeOvnEmulator e) {
        this.e = e;
    }

    void process(KubeOvnEmulator.Key k) {
        if (k.kind() == Vpc.class) {
            vpc(k.name());
        } else if (k.kind() == Subnet.class) {
            subnet(k.name());
        } else if (k.kind() == OvnEip.class) {
            ovnEip(k.name());
        } else if (k.kind() == OvnSnatRule.class) {
            e.get(OvnSnatRule.class, k.name())
                    .ifPresentOrElse(
                            r -> nat(r, r.getSpec() == null ? null : r.getSpec().ovnEip(), r.getStatus()),
                            () -> e.enqueueAll(OvnEip.class));
        } else if (k.kind() == OvnFip.class) {
            e.get(OvnFip.class, k.name())
                    .ifPresentOrElse(
                            r -> nat(r, r.getSpec() == null ? null : r.getSpec().ovnEip(), r.getStatus()),
                            () -> e.enqueueAll(OvnEip.class));
        } else if (k.kind() == VpcDns.class) {
            e.get(VpcDns.class, k.name())
                    .ifPresent(
                            d -> e.writes.status(d, d.getStatus(), new VpcDns.Status(true, List.of(ready("Ready")))));
        }
    }

    private void vpc(String name) {
        var found = e.get(Vpc.class, name);
        if (found.isEmpty()) {
            return;
        }
        Vpc v = found.get();
        if (KubeOvnEmulator.deleting(v)) {
            boolean subnetsLeft = e.list(Subnet.class).stream()
                    .anyMatch(
                            s -> s.getSpec() != null && name.equals(s.getSpec().vpc()));
            if (!subnetsLeft) {
                Set<String> ports = routerPorts.remove(v.getMetadata().getUid());
                if (ports != null) {
                    ports.forEach(p -> e.get(OvnEip.class, p)
                            .filter(x -> !KubeOvnEmulator.deleting(x))
                            .ifPresent(e.writes::delete));
                }
                e.nb().ifPresent(nb -> nb.delete(EmulatorNb.ROUTER, name));
                e.writes.removeFinalizer(v, F);
            }
            return;
        }
        e.writes.addFinalizer(v, F);
        e.nb().ifPresent(nb -> nb.ensure(EmulatorNb.ROUTER, name));
        var spec = v.getSpec();
        List<String> extra =
                spec == null || spec.extraExternalSubnets() == null ? List.of() : spec.extraExternalSubnets();
        boolean external = spec != null && Boolean.TRUE.equals(spec.enableExternal());
        if (external) {
            Set<String> made = routerPorts.computeIfAbsent(v.getMetadata().getUid(), u -> new HashSet<>());
            List<String> attached = new ArrayList<>();
            e.defaultExternal().ifPresent(d -> attached.add(d.getMetadata().getName()));
            attached.addAll(extra);
            for (String subnet : attached) {
                String port = name + "-" + subnet;
                if (made.add(port) && e.get(OvnEip.class, port).isEmpty()) {
                    OvnEip lrp = new OvnEip();
                    lrp.setMetadata(new ObjectMeta());
                    lrp.getMetadata().setName(port);
                    lrp.setSpec(new OvnEip.Spec(subnet, null, null, KubeOvn.EIP_TYPE_LRP));
                    e.writes.create(lrp);
                }
            }
        }
        List<String> subnets = e.list(Subnet.class).stream()
                .filter(s -> s.getSpec() != null && name.equals(s.getSpec().vpc()))
                .map(s -> s.getMetadata().getName())
                .sorted()
                .toList();
        e.writes.status(
                v, v.getStatus(), new Vpc.Status(true, name, subnets, external, extra, List.of(ready("Ready"))));
    }

    private void subnet(String name) {
        var found = e.get(Subnet.class, name);
        if (found.isEmpty()) {
            e.enqueueAll(Vpc.class);
            return;
        }
        Subnet s = found.get();
        List<OvnEip> users = e.list(OvnEip.class).stream()
                .filter(x -> x.getSpec() != null && name.equals(x.getSpec().externalSubnet()))
                .toList();
        if (KubeOvnEmulator.deleting(s)) {
            boolean snatUsers = e.list(OvnSnatRule.class).stream()
                    .anyMatch(
                            r -> r.getSpec() != null && name.equals(r.getSpec().vpcSubnet()));
            if (users.isEmpty() && !snatUsers) {
                if (s.getSpec() != null && s.getSpec().vpc() != null) {
                    e.nb().ifPresent(nb -> nb.delete(EmulatorNb.SWITCH, name));
                }
                e.writes.removeFinalizer(s, F);
            }
            return;
        }
        e.writes.addFinalizer(s, F);
        if (s.getSpec() != null && s.getSpec().vpc() != null) {
            e.nb().ifPresent(nb -> nb.ensure(EmulatorNb.SWITCH, name));
        }
        List<String> using = users.stream()
                .filter(x -> x.getStatus() != null && x.getStatus().v4Ip() != null)
                .map(x -> x.getStatus().v4Ip())
                .toList();
        var pool = pool(s);
        long capacity = pool.map(AddressPool::capacity).orElse(0L);
        // available: assignable addresses nobody holds (an address held from before excludeIps grew is not one of them)
        long inPool = using.stream()
                .filter(ip -> pool.isPresent()
                        && Ip.parse(ip).filter(a -> pool.get().assignable(a)).isPresent())
                .count();
        e.writes.status(
                s,
                s.getStatus(),
                new Subnet.Status(
                        (double) (capacity - inPool), (double) using.size(), null, null, List.of(ready("Ready"))));
        if (s.getSpec() != null && s.getSpec().vpc() != null) {
            e.enqueue(Vpc.class, s.getSpec().vpc());
        }
        users.stream()
                .filter(x -> x.getStatus() == null
                        || !Boolean.TRUE.equals(x.getStatus().ready()))
                .forEach(x -> e.enqueue(OvnEip.class, x.getMetadata().getName()));
    }

    private void ovnEip(String name) {
        var found = e.get(OvnEip.class, name);
        if (found.isEmpty()) {
            assigned.remove(name);
            e.enqueueAll(Subnet.class);
            return;
        }
        OvnEip x = found.get();
        String subnetName = x.getSpec() == null ? null : x.getSpec().externalSubnet();
        if (KubeOvnEmulator.deleting(x)) {
            boolean natUsers = e.list(OvnSnatRule.class).stream()
                            .anyMatch(r -> r.getSpec() != null
                                    && name.equals(r.getSpec().ovnEip()))
                    || e.list(OvnFip.class).stream()
                            .anyMatch(r -> r.getSpec() != null
                                    && name.equals(r.getSpec().ovnEip()));
            if (!natUsers) {
                e.writes.removeFinalizer(x, F);
            }
            return;
        }
        e.writes.addFinalizer(x, F);
        String type =
                x.getSpec().type() == null ? KubeOvn.EIP_TYPE_NAT : x.getSpec().type();
        String ip = x.getStatus() == null ? null : x.getStatus().v4Ip();
        var subnet = subnetName == null ? java.util.Optional.<Subnet>empty() : e.get(Subnet.class, subnetName);
        if (ip == null && subnet.isPresent() && !KubeOvnEmulator.deleting(subnet.get())) {
            ip = allocate(name, subnet.get(), x.getSpec().v4Ip());
        }
        OvnEip.Status next = ip == null
                ? new OvnEip.Status(
                        type,
                        null,
                        null,
                        null,
                        false,
                        List.of(notReady(subnet.isEmpty() ? "SubnetNotFound" : "NoAvailableAddress")))
                : new OvnEip.Status(type, null, ip, mac(ip), true, List.of(ready("Ready")));
        e.writes.status(x, x.getStatus(), next);
        if (subnetName != null) {
            e.enqueue(Subnet.class, subnetName);
        }
        e.list(OvnSnatRule.class).stream()
                .filter(r -> r.getSpec() != null && name.equals(r.getSpec().ovnEip()))
                .forEach(r -> e.enqueue(OvnSnatRule.class, r.getMetadata().getName()));
        e.list(OvnFip.class).stream()
                .filter(r -> r.getSpec() != null && name.equals(r.getSpec().ovnEip()))
                .forEach(r -> e.enqueue(OvnFip.class, r.getMetadata().getName()));
    }

    private String allocate(String eipName, Subnet subnet, String wanted) {
        var pool = pool(subnet);
        if (pool.isEmpty()) {
            return null;
        }
        String subnetName = subnet.getMetadata().getName();
        Set<String> used = e.list(OvnEip.class).stream()
                .filter(o -> o.getSpec() != null
                        && subnetName.equals(o.getSpec().externalSubnet())
                        && !o.getMetadata().getName().equals(eipName))
                .map(o -> o.getStatus() == null
                        ? assigned.get(o.getMetadata().getName())
                        : o.getStatus().v4Ip())
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        String ip = wanted != null
                        && Ip.parse(wanted)
                                .filter(a -> pool.get().assignable(a))
                                .isPresent()
                        && !used.contains(wanted)
                ? wanted
                : pool.get().next(used).orElse(null);
        if (ip != null) {
            assigned.put(eipName, ip);
        }
        return ip;
    }

    /** SNAT and FIP rules are ready once their OvnEip has an address. */
    private void nat(io.fabric8.kubernetes.api.model.HasMetadata r, String ovnEip, Object status) {
        if (KubeOvnEmulator.deleting(r)) {
            e.writes.removeFinalizer(r, F);
            if (ovnEip != null) {
                e.enqueue(OvnEip.class, ovnEip);
            }
            return;
        }
        e.writes.addFinalizer(r, F);
        String addr = ovnEip == null
                ? null
                : e.get(OvnEip.class, ovnEip).map(OvnEip::readyAddress).orElse(null);
        List<Condition> c = List.of(addr == null ? notReady("WaitingForOvnEip") : ready("Ready"));
        Object next = r instanceof OvnSnatRule
                ? new OvnSnatRule.Status(addr != null, null, addr, null, c)
                : new OvnFip.Status(addr != null, null, addr, null, null, c);
        e.writes.status(r, status, next);
    }

    private static java.util.Optional<AddressPool> pool(Subnet s) {
        return s.getSpec() == null
                ? java.util.Optional.empty()
                : AddressPool.of(
                        s.getSpec().cidrBlock(),
                        s.getSpec().gateway(),
                        s.getSpec().excludeIps());
    }

    static String mac(String ip) {
        long a = Ip.parse(ip).orElse(0L);
        return String.format("00:00:%02x:%02x:%02x:%02x", (a >> 24) & 255, (a >> 16) & 255, (a >> 8) & 255, a & 255);
    }

    static Condition ready(String reason) {
        return new ConditionBuilder()
                .withType("Ready")
                .withStatus("True")
                .withReason(reason)
                .build();
    }

    static Condition notReady(String reason) {
        return new ConditionBuilder()
                .withType("Ready")
                .withStatus("False")
                .withReason(reason)
                .build();
    }
}
