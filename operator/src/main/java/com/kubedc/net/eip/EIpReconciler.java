package com.kubedc.net.eip;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.EIpOwner;
import com.kubedc.net.api.v1.EIpStatus;
import com.kubedc.net.api.v1.NetworkType;
import com.kubedc.net.common.Adoption;
import com.kubedc.net.common.Owners;
import com.kubedc.net.common.ProjectNamespaces;
import com.kubedc.net.common.StatusReporter;
import com.kubedc.net.common.UpstreamMarkers;
import com.kubedc.net.common.Writer;
import com.kubedc.net.config.KubeDcConfig;
import com.kubedc.net.network.ExternalNetworks;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
import com.kubedc.net.thirdparty.kubeovn.Vpc;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Keys;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.operatorsdk.annotations.RBACRule;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * EIp → an address from an external network. With {@code spec.childRef} it adopts that OvnEip
 * (the project's {@code default-gw}); otherwise it allocates: it chooses the network (§3.4) and
 * creates its own OvnEip, whose address only Kube-OVN assigns. Owners come from who references
 * the OvnEip (SNAT rules so far). New addresses only in project namespaces ({@link ProjectNamespaces#gate}).
 */
@RBACRule(
        apiGroups = "kubeovn.io",
        resources = {"ovn-eips"},
        verbs = {"get", "list", "watch", "create", "patch", "delete"})
@RBACRule(
        apiGroups = "kubeovn.io",
        resources = {"ovn-snat-rules", "subnets", "vpcs"},
        verbs = {"get", "list", "watch"})
@RBACRule(
        apiGroups = "kube-dc.com",
        resources = {"fips"},
        verbs = {"get", "list", "watch"})
@RBACRule(
        apiGroups = "",
        resources = {"services", "namespaces"},
        verbs = {"get", "list", "watch"})
@ControllerConfiguration(
        name = "eip",
        finalizerName = Keys.EIP_FINALIZER,
        informer =
                @io.javaoperatorsdk.operator.api.config.informer.Informer(
                        itemStore = com.kubedc.net.common.LeanItemStore.class),
        maxReconciliationInterval = @MaxReconciliationInterval(interval = 10, timeUnit = TimeUnit.MINUTES))
public class EIpReconciler implements Reconciler<EIp>, Cleaner<EIp> {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(EIpReconciler.class);
    private final Clock clock;
    private final Writer writer;
    private final StatusReporter status;
    private final MeterRegistry registry;
    private final String defaultType;
    private EIpSources sources;
    private final NetworkUsageMetrics usage;

    public EIpReconciler(
            Clock clock, Writer writer, StatusReporter status, MeterRegistry registry, KubeDcConfig config) {
        this.clock = clock;
        this.writer = writer;
        this.status = status;
        this.registry = registry;
        this.defaultType = config.defaultEipNetworkType();
        this.usage = new NetworkUsageMetrics(registry);
    }

    @Override
    public List<EventSource<?, EIp>> prepareEventSources(EventSourceContext<EIp> ctx) {
        sources = new EIpSources(ctx);
        EIpSources current = sources;
        usage.readFrom(n -> current.subnets.get(new ResourceID(n)).orElse(null));
        return sources.all();
    }

    @Override
    public UpdateControl<EIp> reconcile(EIp eip, Context<EIp> context) {
        String childRef = eip.getSpec() == null ? null : eip.getSpec().getChildRef();
        if (childRef != null && !childRef.isBlank()) {
            // a Project's own default-gw is made in its namespace just after labelling it: our
            // Namespace cache may still hold the unlabelled version of a namespace that existed before
            boolean holds =
                    eip.getStatus() != null && childRef.equals(eip.getStatus().getOvnEIpRef())
                            || Owners.hasOwnerOfKind(eip, "Project");
            return finish(
                    eip,
                    outsideProjects(eip, holds)
                            .orElseGet(() -> EIpStatusBuilder.adopted(
                                    eip,
                                    childRef,
                                    sources.ovnEips
                                            .get(new ResourceID(childRef))
                                            .orElse(null),
                                    owners(eip, childRef),
                                    clock)),
                    context);
        }
        return finish(eip, allocate(eip), context);
    }

    /** The status of an EIp that gets no address where it is (see {@link ProjectNamespaces#gate}); empty when it may have one. */
    private Optional<EIpStatus> outsideProjects(EIp eip, boolean holds) {
        String ns = eip.getMetadata().getNamespace();
        return switch (ProjectNamespaces.gate(sources.namespaces.membership(ns), holds)) {
            case PROCEED -> Optional.empty();
            case WAIT ->
                Optional.of(EIpStatusBuilder.allocated(
                        eip,
                        null,
                        EIpReasons.WAITING_FOR_NAMESPACE,
                        "waiting to see namespace " + ns,
                        List.of(),
                        clock));
            case REFUSE ->
                Optional.of(EIpStatusBuilder.allocated(
                        eip,
                        null,
                        EIpReasons.NOT_A_PROJECT_NAMESPACE,
                        ProjectNamespaces.refusal("EIp " + eip.getMetadata().getName(), ns),
                        List.of(),
                        clock));
        };
    }

    private EIpStatus allocate(EIp eip) {
        String typeValue = eip.getSpec() == null
                        || eip.getSpec().getExternalNetworkType() == null
                        || eip.getSpec().getExternalNetworkType().isBlank()
                ? defaultType
                : eip.getSpec().getExternalNetworkType();
        Optional<NetworkType> type = NetworkType.parse(typeValue);
        if (type.isEmpty()) {
            return EIpStatusBuilder.allocated(
                    eip,
                    null,
                    EIpReasons.INVALID_NETWORK_TYPE,
                    "externalNetworkType \"" + typeValue + "\" is not one of public, cloud",
                    List.of(),
                    clock);
        }
        String name = EIpDesired.ovnEipName(eip);
        OvnEip ovnEip = mine(eip).or(() -> adopt(eip)).orElse(null);
        if (ovnEip == null) {
            Optional<EIpStatus> refused = outsideProjects(eip, false);
            if (refused.isPresent()) {
                return refused.get();
            }
            List<Subnet> external = com.kubedc.net.common.ExternalSubnets.of(sources.subnets);
            ExternalNetworks networks = ExternalNetworks.from(external);
            usage.track(external);
            var choice = NetworkChoice.choose(
                    type.get(),
                    networks,
                    free(external),
                    attached(eip.getMetadata().getNamespace()));
            if (choice.isEmpty()) {
                return EIpStatusBuilder.allocated(
                        eip,
                        null,
                        EIpReasons.NO_ADDRESS_AVAILABLE,
                        "no " + type.get() + " external network has a free address",
                        List.of(),
                        clock);
            }
            ovnEip = writer.create(EIpDesired.ovnEip(eip, choice.get().name()));
            if (ovnEip != null && !Owners.ownedBy(ovnEip, eip)) {
                return EIpStatusBuilder.allocated(
                        eip,
                        null,
                        "NameConflict",
                        "OvnEip " + name + " exists and is not this EIp's",
                        List.of(),
                        clock);
            }
            sources.ovnEips.handleRecentResourceCreate(new ResourceID(name), ovnEip);
        }
        String ovnEipName = ovnEip.getMetadata().getName();
        if (ovnEip.readyAddress() == null && exhausted(ovnEip.getSpec().externalSubnet())) {
            // more EIps asked at once than the network had left: Kube-OVN gives this OvnEip the next address freed
            return EIpStatusBuilder.allocated(
                    eip,
                    ovnEip,
                    EIpReasons.NO_ADDRESS_AVAILABLE,
                    "no free address left on " + ovnEip.getSpec().externalSubnet() + ": OvnEip " + ovnEipName
                            + " gets the next one freed",
                    owners(eip, ovnEipName),
                    clock);
        }
        return EIpStatusBuilder.allocated(eip, ovnEip, null, null, owners(eip, ovnEipName), clock);
    }

    /** The OvnEip this EIp owns: ours by name, else one adopted earlier (upstream's name, the one the status records). */
    private Optional<OvnEip> mine(EIp eip) {
        Optional<OvnEip> byName =
                sources.ovnEips.get(new ResourceID(EIpDesired.ovnEipName(eip))).filter(o -> Owners.ownedBy(o, eip));
        if (byName.isPresent()) {
            return byName;
        }
        return candidates(eip).stream().filter(o -> Owners.ownedBy(o, eip)).findFirst();
    }

    /**
     * An OvnEip upstream's manager allocated for this EIp (its label or annotation names the EIp):
     * adopted with our owner labels, its address untouched, instead of a second address.
     */
    private Optional<OvnEip> adopt(EIp eip) {
        var labels = Owners.labels(eip);
        Optional<OvnEip> upstream = candidates(eip).stream()
                .filter(o -> Adoption.decide(
                                o,
                                labels,
                                UpstreamMarkers.ovnEipOfEIp(
                                        o,
                                        eip.getMetadata().getNamespace(),
                                        eip.getMetadata().getName()))
                        == Adoption.Verdict.ADOPT)
                .findFirst();
        return upstream.map(o -> {
            OvnEip adopted = writer.adopt(o, labels);
            sources.ovnEips.handleRecentResourceUpdate(ResourceID.fromResource(adopted), adopted, o);
            LOG.infof(
                    "EIp %s/%s: adopted OvnEip %s (%s) made by upstream's manager",
                    eip.getMetadata().getNamespace(),
                    eip.getMetadata().getName(),
                    o.getMetadata().getName(),
                    o.getStatus() == null ? "no address yet" : o.getStatus().v4Ip());
            return adopted;
        });
    }

    /** OvnEips upstream's markers tie to this EIp, the one its status records first. */
    private List<OvnEip> candidates(EIp eip) {
        List<OvnEip> out = new ArrayList<>();
        String recorded = eip.getStatus() == null ? null : eip.getStatus().getOvnEIpRef();
        if (recorded != null && !recorded.isBlank()) {
            sources.ovnEips.get(new ResourceID(recorded)).ifPresent(out::add);
        }
        // the index reads the informer's store only: get() also sees what this controller just wrote
        sources
                .ovnEips
                .byIndex(
                        EIpSources.UPSTREAM_EIP_INDEX,
                        eip.getMetadata().getNamespace() + "/"
                                + eip.getMetadata().getName())
                .stream()
                .map(o -> sources.ovnEips.get(ResourceID.fromResource(o)).orElse(o))
                .filter(o -> out.stream()
                        .noneMatch(x ->
                                x.getMetadata().getName().equals(o.getMetadata().getName())))
                .sorted(java.util.Comparator.comparing(o -> o.getMetadata().getName()))
                .forEach(out::add);
        return out;
    }

    /** Who uses the EIp: SNAT rules on its OvnEip, FIps naming it (an FIp makes it exclusive). */
    private void markInUse(EIp eip, List<EIpOwner> users, Context<EIp> ctx) {
        String message = "deletion waits until "
                + users.stream().map(EIpOwner::toString).sorted().collect(java.util.stream.Collectors.joining(", "))
                + " stop using this EIp";
        status.report(eip, ctx, new EIpStatusSpec(fresh -> inUse(fresh, message, clock)));
    }

    /** {@code eip}'s status with condition InUse saying what holds its deletion. */
    static EIpStatus inUse(EIp eip, String message, Clock clock) {
        EIpStatus prev = eip.getStatus() == null ? new EIpStatus() : eip.getStatus();
        EIpStatus next = io.fabric8.kubernetes.client.utils.Serialization.clone(prev);
        next.setConditions(Conditions.put(
                prev.getConditions(),
                eip.getMetadata().getGeneration(),
                clock,
                EIpReasons.IN_USE,
                true,
                EIpReasons.IN_USE,
                message));
        next.getConditions().sort(java.util.Comparator.comparing(c -> c.getType()));
        return next;
    }

    private List<EIpOwner> owners(EIp eip, String ovnEip) {
        var snat = sources.snats.byIndex(EIpSources.OVN_EIP_INDEX, ovnEip).stream()
                .filter(r -> r.getMetadata().getDeletionTimestamp() == null)
                .map(r -> new EIpOwner(EIpOwner.SNAT, r.getMetadata().getName()));
        // an FIp's own EIp (its ownerReference) is in use by it, also while a migrated FIp's annotation naming it
        // propagates
        var ownerFIp = controllerOwners(eip, "FIp")
                .map(r -> sources.fips
                        .get(new ResourceID(r.getName(), eip.getMetadata().getNamespace()))
                        .filter(f -> r.getUid() != null
                                && r.getUid().equals(f.getMetadata().getUid()))
                        .filter(f -> f.getSpec() == null
                                || f.getSpec().getEip() == null
                                || f.getSpec().getEip().isBlank()))
                .flatMap(Optional::stream);
        var fip = java.util.stream.Stream.concat(
                        sources
                                .fips
                                .byIndex(
                                        EIpSources.FIP_EIP_INDEX,
                                        eip.getMetadata().getNamespace() + "/"
                                                + eip.getMetadata().getName())
                                .stream(),
                        ownerFIp)
                .filter(f -> f.getMetadata().getDeletionTimestamp() == null)
                .map(f -> f.getMetadata().getName())
                .distinct()
                .map(f -> new EIpOwner(EIpOwner.FIP, f));
        var bound = sources
                .services
                .byIndex(
                        EIpSources.SERVICE_EIP_INDEX,
                        eip.getMetadata().getNamespace() + "/"
                                + eip.getMetadata().getName())
                .stream();
        // a LoadBalancer Service's own EIp (its ownerReference) is in use by it, also while a migrated Service's
        // binding to it propagates
        var ownerService = controllerOwners(eip, "Service")
                .map(r -> sources.services
                        .get(new ResourceID(r.getName(), eip.getMetadata().getNamespace()))
                        .filter(svc -> r.getUid() != null
                                && r.getUid().equals(svc.getMetadata().getUid())))
                .flatMap(Optional::stream)
                .filter(svc -> com.kubedc.net.vocabulary.ServiceBinding.eipKey(svc) != null
                        && com.kubedc.net.vocabulary.ServiceBinding.of(svc, "").auto());
        var lb = java.util.stream.Stream.concat(bound, ownerService)
                .map(svc -> svc.getMetadata().getName())
                .distinct()
                .map(name -> new EIpOwner(EIpOwner.SERVICE_LB, name));
        return java.util.stream.Stream.of(snat, fip, lb).flatMap(x -> x).toList();
    }

    /** True when Kube-OVN reports no available address left on external subnet {@code name}. */
    private boolean exhausted(String name) {
        return name != null
                && sources.subnets
                        .get(new ResourceID(name))
                        .map(s -> free(List.of(s)).get(name))
                        .map(n -> n <= 0)
                        .orElse(false);
    }

    private static java.util.stream.Stream<io.fabric8.kubernetes.api.model.OwnerReference> controllerOwners(
            EIp eip, String kind) {
        return eip.getMetadata().getOwnerReferences() == null
                ? java.util.stream.Stream.empty()
                : eip.getMetadata().getOwnerReferences().stream()
                        .filter(r -> kind.equals(r.getKind()) && Boolean.TRUE.equals(r.getController()));
    }

    static Map<String, Long> free(List<Subnet> external) {
        Map<String, Long> out = new HashMap<>();
        for (Subnet s : external) {
            if (s.getStatus() != null && s.getStatus().v4availableIPs() != null) {
                out.put(
                        s.getMetadata().getName(),
                        s.getStatus().v4availableIPs().longValue());
            }
        }
        return out;
    }

    /** Networks the project VPC (named after the namespace) is attached to. */
    private List<String> attached(String namespace) {
        List<String> out = new ArrayList<>();
        sources.vpcs.get(new ResourceID(namespace)).map(Vpc::getSpec).ifPresent(spec -> {
            if (spec.extraExternalSubnets() != null) {
                out.addAll(spec.extraExternalSubnets());
            }
        });
        return out;
    }

    private UpdateControl<EIp> finish(EIp eip, EIpStatus next, Context<EIp> ctx) {
        var result = status.report(eip, ctx, EIpStatusSpec.of(eip, next, clock));
        if (result.said(EIpReasons.NO_ADDRESS_AVAILABLE)) {
            registry.counter("kubedc.eip.no.address").increment();
        }
        return result.reschedule(UpdateControl.noUpdate());
    }

    /**
     * An adopted OvnEip belongs to the Project's teardown (SNAT → OvnEip → EIp). An allocated one
     * is deleted here, and the finalizer stays until Kube-OVN has released it.
     */
    @Override
    public DeleteControl cleanup(EIp eip, Context<EIp> context) {
        // an FIp or a LoadBalancer Service still using it holds the deletion (a Project's teardown removes them first)
        List<EIpOwner> users = owners(
                        eip, eip.getStatus() == null ? "" : eip.getStatus().getOvnEIpRef())
                .stream()
                .filter(o -> EIpOwner.FIP.equals(o.getType()) || EIpOwner.SERVICE_LB.equals(o.getType()))
                .toList();
        if (!users.isEmpty()) {
            markInUse(eip, users, context);
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(Duration.ofSeconds(5));
        }
        if (eip.getSpec() != null
                && eip.getSpec().getChildRef() != null
                && !eip.getSpec().getChildRef().isBlank()) {
            return DeleteControl.defaultDelete();
        }
        Optional<OvnEip> mine = mine(eip);
        if (mine.isEmpty()) {
            return DeleteControl.defaultDelete();
        }
        writer.delete(mine.get());
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(Duration.ofSeconds(1));
    }
}
