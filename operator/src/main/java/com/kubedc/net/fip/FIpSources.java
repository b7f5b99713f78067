package com.kubedc.net.fip;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.FIp;
import com.kubedc.net.common.SharedSource;
import com.kubedc.net.thirdparty.kubeovn.OvnFip;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
import com.kubedc.net.thirdparty.kubevirt.VirtualMachineInstance;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.Names;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What an FIp reconcile reads, and how changes map back to FIps (by EIp, VM, owner label, namespace). */
final class FIpSources {
    static final String EIP_INDEX = "eip";
    static final String VM_INDEX = "vm";

    final SharedSource<EIp, FIp> eips;
    final InformerEventSource<OvnFip, FIp> ovnFips;
    final InformerEventSource<VirtualMachineInstance, FIp> vmis;
    final SharedSource<Subnet, FIp> subnets;
    final SharedSource<io.fabric8.kubernetes.api.model.Service, FIp> services;
    static final String SERVICE_EIP_INDEX = "fip.serviceEip";

    /** A namespace label change reconciles its FIps: those refused are taken on, those programmed stay. */
    final com.kubedc.net.common.ProjectNamespaces<FIp> namespaces;

    FIpSources(EventSourceContext<FIp> ctx) {
        var primaries = ctx.getPrimaryCache();
        namespaces = new com.kubedc.net.common.ProjectNamespaces<>(ctx, f -> true);
        primaries.addIndexer(EIP_INDEX, f -> List.of(key(f.getMetadata().getNamespace(), eipName(f))));
        primaries.addIndexer(
                VM_INDEX,
                f -> f.getSpec() == null || f.getSpec().getVmTarget() == null
                        ? List.of()
                        : List.of(key(
                                f.getMetadata().getNamespace(),
                                f.getSpec().getVmTarget().getVmName())));
        eips = new SharedSource<>(
                ctx,
                EIp.class,
                e -> ids(primaries.byIndex(
                        EIP_INDEX,
                        key(e.getMetadata().getNamespace(), e.getMetadata().getName()))));
        ovnFips = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(OvnFip.class, FIp.class)
                        .withName("OvnFip")
                        .withSecondaryToPrimaryMapper(o -> {
                            Map<String, String> l = o.getMetadata().getLabels();
                            return l == null || !"FIp".equals(l.get(Keys.OWNER_KIND))
                                    ? Set.of()
                                    : Set.of(new ResourceID(l.get(Keys.OWNER_NAME), l.get(Keys.OWNER_NAMESPACE)));
                        })
                        .withItemStore(new com.kubedc.net.common.LeanItemStore<>())
                        .build(),
                ctx);
        vmis = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(VirtualMachineInstance.class, FIp.class)
                        .withName("VMI")
                        .withSecondaryToPrimaryMapper(v -> ids(primaries.byIndex(
                                VM_INDEX,
                                key(
                                        v.getMetadata().getNamespace(),
                                        v.getMetadata().getName()))))
                        .withItemStore(new com.kubedc.net.common.LeanItemStore<>())
                        .build(),
                ctx);
        // a LoadBalancer Service bound to an FIp's EIp is a conflict: the older claim wins
        services =
                new SharedSource<>(ctx, io.fabric8.kubernetes.api.model.Service.class, Keys.NOT_LB_COMPANIONS, svc -> {
                    String k = com.kubedc.net.vocabulary.ServiceBinding.eipRef(svc);
                    return k == null ? Set.of() : ids(primaries.byIndex(EIP_INDEX, k));
                });
        services.addIndexer(SERVICE_EIP_INDEX, svc -> {
            String k = com.kubedc.net.vocabulary.ServiceBinding.eipKey(svc);
            return k == null ? List.of() : List.of(k);
        });
        // the project subnet bounds ipAddress targets: its FIps are those of namespace <subnet minus -default>
        subnets = new SharedSource<>(ctx, Subnet.class, s -> {
            String n = s.getMetadata().getName();
            return !n.endsWith("-default")
                    ? Set.of()
                    : primaries
                            .list(n.substring(0, n.length() - "-default".length()), f -> true)
                            .map(ResourceID::fromResource)
                            .collect(Collectors.toSet());
        });
    }

    List<EventSource<?, FIp>> all() {
        return List.of(eips, ovnFips, vmis, subnets, services, namespaces.source());
    }

    /** The EIp an FIp uses: {@code spec.eip}, else its own {@code fip-<name>}. */
    static String eipName(FIp f) {
        String named = f.getSpec() == null ? null : f.getSpec().getEip();
        return named != null && !named.isBlank() ? named : FIpDesired.autoEIpName(f);
    }

    static String key(String ns, String name) {
        return ns + "/" + name;
    }

    static String subnetOf(String ns) {
        return Names.subnet(ns);
    }

    static Set<ResourceID> ids(List<FIp> fips) {
        return fips.stream().map(ResourceID::fromResource).collect(Collectors.toSet());
    }
}
