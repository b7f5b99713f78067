package com.kubedc.net.project;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.FIp;
import com.kubedc.net.api.v1.Project;
import com.kubedc.net.common.LeanItemStore;
import com.kubedc.net.common.SharedSource;
import com.kubedc.net.thirdparty.cni.NetworkAttachmentDefinition;
import com.kubedc.net.thirdparty.kubeovn.KubeOvn;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.thirdparty.kubeovn.OvnSnatRule;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
import com.kubedc.net.thirdparty.kubeovn.Vpc;
import com.kubedc.net.thirdparty.kubeovn.VpcDns;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The informers a Project reconcile reads, and how their events map back to Projects: by our
 * owner labels, by the namespace annotation {@code kube-dc.com/project}, by Kube-OVN's router-port
 * OvnEip name, or (an external network changed) to every Project.
 */
public final class ProjectSources {
    final SharedSource<Namespace, Project> namespaces;
    final SharedSource<Vpc, Project> vpcs;
    final SharedSource<Subnet, Project> subnets;
    final SharedSource<OvnEip, Project> ovnEips;
    final SharedSource<OvnSnatRule, Project> snats;
    final InformerEventSource<VpcDns, Project> vpcDnses;
    final InformerEventSource<NetworkAttachmentDefinition, Project> nads;
    final SharedSource<EIp, Project> eips;
    final SharedSource<FIp, Project> fips;
    final SharedSource<io.fabric8.kubernetes.api.model.Service, Project> services;
    final SharedSource<io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice, Project> slices;

    ProjectSources(EventSourceContext<Project> ctx) {
        var primaries = ctx.getPrimaryCache();
        namespaces = shared(
                ctx,
                Namespace.class,
                ns -> byProjectAnnotation(ns.getMetadata().getName()).stream().collect(Collectors.toSet()));
        vpcs = shared(ctx, Vpc.class, ProjectSources::byOwnerLabels);
        // a Subnet not ours may be an external network that just gained or lost its label
        // (the mapper sees only the new object): every Project re-checks its networks
        subnets = new SharedSource<>(
                ctx,
                Subnet.class,
                s -> ProjectSources.isOurs(s)
                        ? byOwnerLabels(s)
                        : primaries.list().map(ResourceID::fromResource).collect(Collectors.toSet()),
                // Kube-OVN rewrites an external Subnet's status on every allocation: only its
                // labels and spec say anything to Projects, so status-only updates are dropped
                (now, before) -> isOurs(now)
                        || !Objects.equals(
                                now.getMetadata().getLabels(),
                                before.getMetadata().getLabels())
                        || !Objects.equals(
                                now.getMetadata().getDeletionTimestamp(),
                                before.getMetadata().getDeletionTimestamp())
                        || !Objects.equals(now.getSpec(), before.getSpec()));
        com.kubedc.net.common.ExternalSubnets.index(subnets);
        ovnEips =
                shared(ctx, OvnEip.class, e -> union(union(byOwnerLabels(e), byRouterPortName(e)), byEIpNamespace(e)));
        snats = shared(ctx, OvnSnatRule.class, ProjectSources::byOwnerLabels);
        vpcDnses = source(ctx, VpcDns.class, ProjectSources::byOwnerLabels);
        nads = source(ctx, NetworkAttachmentDefinition.class, ProjectSources::byOwnerLabels);
        eips = shared(ctx, EIp.class, e -> union(byOwnerLabels(e), byNamespace(e)));
        fips = shared(ctx, FIp.class, this::byNamespace);
        // LoadBalancer Services and their endpoints: backends on a secondary network need 30010 reroutes
        services = new SharedSource<>(
                ctx, io.fabric8.kubernetes.api.model.Service.class, Keys.NOT_LB_COMPANIONS, this::byNamespace);
        slices = shared(ctx, io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice.class, this::byNamespace);
        ovnEips.addIndexer(OWNER_INDEX, ProjectSources::ownerKey);
        ovnEips.addIndexer(EIP_NAMESPACE_INDEX, ProjectSources::eipNamespace);
    }

    static final String OWNER_INDEX = "project.owner";
    /** OvnEips allocated by EIps, by the EIps' namespace: their networks are attached to the VPC. */
    static final String EIP_NAMESPACE_INDEX = "project.eipNamespace";

    static List<String> eipNamespace(HasMetadata o) {
        Map<String, String> l = o.getMetadata().getLabels();
        if (l != null && l.containsKey(Keys.OWNER_KIND)) {
            return "EIp".equals(l.get(Keys.OWNER_KIND)) && l.get(Keys.OWNER_NAMESPACE) != null
                    ? List.of(l.get(Keys.OWNER_NAMESPACE))
                    : List.of();
        }
        // upstream's, not adopted yet: its network stays attached meanwhile (no detach-then-attach flap on migration)
        String upstream = com.kubedc.net.common.UpstreamMarkers.eipOfOvnEip(o);
        return upstream == null ? List.of() : List.of(upstream.substring(0, upstream.indexOf('/')));
    }

    /** The Project of the namespace whose EIp allocated this OvnEip. */
    Set<ResourceID> byEIpNamespace(OvnEip e) {
        List<String> ns = eipNamespace(e);
        return ns.isEmpty()
                ? Set.of()
                : byProjectAnnotation(ns.get(0)).map(Set::of).orElse(Set.of());
    }

    List<EventSource<?, Project>> all() {
        return List.of(namespaces, vpcs, subnets, ovnEips, snats, vpcDnses, nads, eips, fips, services, slices);
    }

    /** Index key of a child by its owner labels: {@code Kind/namespace/name}. */
    static List<String> ownerKey(HasMetadata o) {
        Map<String, String> l = o.getMetadata().getLabels();
        if (l == null || l.get(Keys.OWNER_KIND) == null) {
            return List.of();
        }
        return List.of(l.get(Keys.OWNER_KIND) + "/" + l.get(Keys.OWNER_NAMESPACE) + "/" + l.get(Keys.OWNER_NAME));
    }

    static String ownerKey(Project p) {
        return "Project/" + p.getMetadata().getNamespace() + "/"
                + p.getMetadata().getName();
    }

    static Set<ResourceID> byOwnerLabels(HasMetadata o) {
        Map<String, String> l = o.getMetadata().getLabels();
        if (l == null || !"Project".equals(l.get(Keys.OWNER_KIND))) {
            return Set.of();
        }
        return Set.of(new ResourceID(l.get(Keys.OWNER_NAME), l.get(Keys.OWNER_NAMESPACE)));
    }

    /** The Project whose namespace {@code o} lives in, found through the namespace annotation. */
    Set<ResourceID> byNamespace(HasMetadata o) {
        String ns = o.getMetadata().getNamespace();
        if (ns == null || namespaces == null) {
            return Set.of();
        }
        return namespace(ns).flatMap(n -> byProjectAnnotation(n)).map(Set::of).orElse(Set.of());
    }

    /**
     * The namespace from its informer, for mappers: at start-up the operator SDK starts event
     * sources in parallel and another source's events can arrive before this one has started
     * (its cache then throws). Nothing is lost: every Project is reconciled once at start.
     */
    Optional<Namespace> namespace(String name) {
        try {
            return namespaces.get(new ResourceID(name));
        } catch (NullPointerException notStartedYet) {
            return Optional.empty();
        }
    }

    static Optional<ResourceID> byProjectAnnotation(Namespace ns) {
        Map<String, String> ann = ns.getMetadata().getAnnotations();
        String ref = ann == null ? null : ann.get(Keys.PROJECT);
        if (ref == null || ref.indexOf('/') <= 0) {
            return Optional.empty();
        }
        int slash = ref.indexOf('/');
        return Optional.of(new ResourceID(ref.substring(slash + 1), ref.substring(0, slash)));
    }

    private Optional<ResourceID> byProjectAnnotation(String namespaceName) {
        return namespaces == null
                ? Optional.empty()
                : namespace(namespaceName).flatMap(ProjectSources::byProjectAnnotation);
    }

    /** Kube-OVN names a VPC's router-port OvnEip {@code <vpc>-<externalSubnet>}; the VPC is named after the namespace. */
    Set<ResourceID> byRouterPortName(OvnEip e) {
        if (e.getSpec() == null
                || !KubeOvn.EIP_TYPE_LRP.equals(e.getSpec().type())
                || e.getSpec().externalSubnet() == null) {
            return Set.of();
        }
        String suffix = "-" + e.getSpec().externalSubnet();
        String name = e.getMetadata().getName();
        if (!name.endsWith(suffix)) {
            return Set.of();
        }
        return byProjectAnnotation(name.substring(0, name.length() - suffix.length()))
                .map(Set::of)
                .orElse(Set.of());
    }

    static boolean isOurs(HasMetadata o) {
        Map<String, String> l = o.getMetadata().getLabels();
        return l != null && "Project".equals(l.get(Keys.OWNER_KIND));
    }

    static Set<ResourceID> union(Set<ResourceID> a, Set<ResourceID> b) {
        if (b.isEmpty()) {
            return a;
        }
        Set<ResourceID> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }

    /** The kind's informer shared with the other controllers that read it (one watch, one copy of each object). */
    static <R extends HasMetadata> SharedSource<R, Project> shared(
            EventSourceContext<Project> ctx, Class<R> type, SecondaryToPrimaryMapper<R> mapper) {
        return new SharedSource<>(ctx, type, mapper);
    }

    /** An informer of this controller alone (no other reads the kind). */
    static <R extends HasMetadata> InformerEventSource<R, Project> source(
            EventSourceContext<Project> ctx, Class<R> type, SecondaryToPrimaryMapper<R> mapper) {
        var config = InformerEventSourceConfiguration.from(type, Project.class)
                .withName(type.getSimpleName())
                .withSecondaryToPrimaryMapper(mapper)
                .withWatchAllNamespaces()
                .withItemStore(new LeanItemStore<>())
                .build();
        return new InformerEventSource<>(config, ctx);
    }
}
