package com.kubedc.net.eip;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.common.SharedSource;
import com.kubedc.net.common.UpstreamMarkers;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.thirdparty.kubeovn.OvnSnatRule;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
import com.kubedc.net.thirdparty.kubeovn.Vpc;
import com.kubedc.net.vocabulary.Keys;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an EIp reconcile reads: OvnEips (by childRef or our owner labels), SNAT rules (owners),
 * external Subnets (free addresses: a freed address wakes the EIps that had none) and the
 * project Vpc (which networks are attached).
 */
final class EIpSources {
    static final Set<String> WANT_ADDRESS = Set.of(EIpReasons.NO_ADDRESS_AVAILABLE, EIpReasons.WAITING_FOR_ADDRESS);

    /** An EIp still without an address: none was free, or its OvnEip waits for one. */
    static boolean wantsAddress(EIp e) {
        String reason = e.getStatus() == null
                ? null
                : com.kubedc.net.vocabulary.Conditions.reason(e.getStatus().getConditions(), "Ready");
        return reason != null && WANT_ADDRESS.contains(reason); // Set.of refuses contains(null)
    }

    static final String CHILD_REF_INDEX = "childRef";
    static final String WANTS_ADDRESS_INDEX = "eip.wantsAddress";
    private static final String WANTS_ADDRESS_KEY = "yes";
    static final String OVN_EIP_INDEX = "eip.ovnEip";
    /** OvnEips by the EIp ({@code ns/name}) upstream's markers name: what a migrated EIp already has. */
    static final String UPSTREAM_EIP_INDEX = "eip.upstreamEip";

    final SharedSource<OvnEip, EIp> ovnEips;
    final SharedSource<OvnSnatRule, EIp> snats;
    final SharedSource<Subnet, EIp> subnets;
    final SharedSource<Vpc, EIp> vpcs;
    final SharedSource<com.kubedc.net.api.v1.FIp, EIp> fips;
    static final String FIP_EIP_INDEX = "eip.fipEip";
    final SharedSource<io.fabric8.kubernetes.api.model.Service, EIp> services;
    static final String SERVICE_EIP_INDEX = "eip.serviceEip";
    /** EIps by the Services their status lists as owners, {@code ns/svc}. */
    static final String SERVICE_OWNER_INDEX = "serviceOwner";

    /** A namespace label change reconciles its EIps: those refused are taken on, those holding an address keep it. */
    final com.kubedc.net.common.ProjectNamespaces<EIp> namespaces;

    EIpSources(EventSourceContext<EIp> ctx) {
        var primaries = ctx.getPrimaryCache();
        namespaces = new com.kubedc.net.common.ProjectNamespaces<>(ctx, e -> true);
        primaries.addIndexer(
                SERVICE_OWNER_INDEX,
                e -> e.getStatus() == null || e.getStatus().getOwners() == null
                        ? List.of()
                        : e.getStatus().getOwners().stream()
                                .filter(o -> com.kubedc.net.api.v1.EIpOwner.SERVICE_LB.equals(o.getType()))
                                .map(o -> e.getMetadata().getNamespace() + "/" + o.getOwnerRef())
                                .toList());
        // the EIps a freed address wakes, by index: Kube-OVN rewrites an external Subnet's status on
        // every allocation, and a scan of every EIp per rewrite grows with the square of their number
        primaries.addIndexer(WANTS_ADDRESS_INDEX, e -> wantsAddress(e) ? List.of(WANTS_ADDRESS_KEY) : List.of());
        primaries.addIndexer(
                CHILD_REF_INDEX,
                e -> e.getSpec() == null || e.getSpec().getChildRef() == null
                        ? List.of()
                        : List.of(e.getSpec().getChildRef()));
        ovnEips = new SharedSource<>(ctx, OvnEip.class, o -> {
            Set<ResourceID> ids = new HashSet<>(
                    ids(primaries.byIndex(CHILD_REF_INDEX, o.getMetadata().getName())));
            Map<String, String> l = o.getMetadata().getLabels();
            if (l != null && "EIp".equals(l.get(Keys.OWNER_KIND))) {
                ids.add(new ResourceID(l.get(Keys.OWNER_NAME), l.get(Keys.OWNER_NAMESPACE)));
            }
            String upstream = UpstreamMarkers.eipOfOvnEip(o);
            if (upstream != null) {
                ids.add(new ResourceID(
                        upstream.substring(upstream.indexOf('/') + 1), upstream.substring(0, upstream.indexOf('/'))));
            }
            return ids;
        });
        ovnEips.addIndexer(UPSTREAM_EIP_INDEX, o -> {
            String upstream = UpstreamMarkers.eipOfOvnEip(o);
            return upstream == null ? List.of() : List.of(upstream);
        });
        snats = new SharedSource<>(
                ctx,
                OvnSnatRule.class,
                r -> r.getSpec() == null || r.getSpec().ovnEip() == null
                        ? Set.of()
                        : ids(primaries.byIndex(CHILD_REF_INDEX, r.getSpec().ovnEip())));
        snats.addIndexer(
                OVN_EIP_INDEX,
                r -> r.getSpec() == null || r.getSpec().ovnEip() == null
                        ? List.of()
                        : List.of(r.getSpec().ovnEip()));
        // only EIps still without an address care about free addresses: those that found none, and
        // those whose OvnEip waits for one (they say NoAddressAvailable once the network is full)
        subnets = new SharedSource<>(
                ctx,
                Subnet.class,
                s -> com.kubedc.net.common.ExternalSubnets.isExternal(s)
                        ? ids(primaries.byIndex(WANTS_ADDRESS_INDEX, WANTS_ADDRESS_KEY))
                        : Set.of());
        com.kubedc.net.common.ExternalSubnets.index(subnets);
        fips = new SharedSource<>(ctx, com.kubedc.net.api.v1.FIp.class, f -> {
            String k = fipEip(f);
            return Set.of(new ResourceID(
                    k.substring(k.indexOf('/') + 1), f.getMetadata().getNamespace()));
        });
        fips.addIndexer(FIP_EIP_INDEX, f -> List.of(fipEip(f)));
        // LoadBalancer Services are users of the EIp they are bound to (owners ServiceLb)
        services =
                new SharedSource<>(ctx, io.fabric8.kubernetes.api.model.Service.class, Keys.NOT_LB_COMPANIONS, svc -> {
                    // the EIp it names now, and those that still list it as an owner (it changed type or binding)
                    Set<ResourceID> ids = new HashSet<>(ids(primaries.byIndex(
                            SERVICE_OWNER_INDEX,
                            svc.getMetadata().getNamespace() + "/"
                                    + svc.getMetadata().getName())));
                    String k = com.kubedc.net.vocabulary.ServiceBinding.eipRef(svc);
                    if (k != null) {
                        ids.add(new ResourceID(
                                k.substring(k.indexOf('/') + 1),
                                svc.getMetadata().getNamespace()));
                    }
                    return ids;
                });
        services.addIndexer(SERVICE_EIP_INDEX, svc -> {
            String k = com.kubedc.net.vocabulary.ServiceBinding.eipKey(svc);
            return k == null ? List.of() : List.of(k);
        });
        vpcs = new SharedSource<>(
                ctx,
                Vpc.class,
                v -> primaries
                        .list(
                                v.getMetadata().getName(),
                                e -> e.getStatus() == null || !e.getStatus().isReady())
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()));
    }

    List<EventSource<?, EIp>> all() {
        return List.of(ovnEips, snats, subnets, vpcs, fips, services, namespaces.source());
    }

    /** The EIp an FIp uses, {@code ns/name}: {@code spec.eip}, else its own {@code fip-<name>}. */
    static String fipEip(com.kubedc.net.api.v1.FIp f) {
        String named = f.getSpec() == null ? null : f.getSpec().getEip();
        String adopted = f.getMetadata().getAnnotations() == null
                ? null
                : f.getMetadata().getAnnotations().get(Keys.ADOPTED_EIP);
        String own = adopted != null && !adopted.isBlank()
                ? adopted.trim()
                : "fip-" + f.getMetadata().getName();
        String eip = named != null && !named.isBlank() ? named : own;
        return f.getMetadata().getNamespace() + "/" + eip;
    }

    static Set<ResourceID> ids(List<EIp> eips) {
        return eips.stream().map(ResourceID::fromResource).collect(Collectors.toSet());
    }
}
