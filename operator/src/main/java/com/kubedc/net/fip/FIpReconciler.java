package com.kubedc.net.fip;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.FIp;
import com.kubedc.net.api.v1.TargetVmInterface;
import com.kubedc.net.common.Adoption;
import com.kubedc.net.common.Owners;
import com.kubedc.net.common.ProjectNamespaces;
import com.kubedc.net.common.StatusReporter;
import com.kubedc.net.common.UpstreamMarkers;
import com.kubedc.net.common.Writer;
import com.kubedc.net.config.KubeDcConfig;
import com.kubedc.net.fip.FIpStatusBuilder.Facts;
import com.kubedc.net.thirdparty.kubeovn.OvnFip;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
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
import io.quarkiverse.operatorsdk.annotations.RBACRule;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * FIp → a 1:1 NAT of an EIp onto a VM or pod address: resolve the target (ipAddress or the VMI's
 * interface), take the EIp (named, exclusive; or its own {@code fip-<name>}), program an OvnFip.
 * A changed target recreates the OvnFip (Kube-OVN does not re-program an edited v4Ip). Only in
 * project namespaces ({@link ProjectNamespaces#gate}).
 */
@RBACRule(
        apiGroups = "kubeovn.io",
        resources = {"ovn-fips"},
        verbs = {"get", "list", "watch", "create", "patch", "delete"})
@RBACRule(
        apiGroups = "kubevirt.io",
        resources = {"virtualmachineinstances"},
        verbs = {"get", "list", "watch"})
@RBACRule(
        apiGroups = "",
        resources = {"services", "namespaces"},
        verbs = {"get", "list", "watch"})
@ControllerConfiguration(
        name = "fip",
        finalizerName = Keys.FIP_FINALIZER,
        informer =
                @io.javaoperatorsdk.operator.api.config.informer.Informer(
                        itemStore = com.kubedc.net.common.LeanItemStore.class),
        maxReconciliationInterval = @MaxReconciliationInterval(interval = 10, timeUnit = TimeUnit.MINUTES))
public class FIpReconciler implements Reconciler<FIp>, Cleaner<FIp> {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(FIpReconciler.class);
    private final Clock clock;
    private final Writer writer;
    private final StatusReporter status;
    private final String defaultType;
    private FIpSources sources;

    public FIpReconciler(Clock clock, Writer writer, StatusReporter status, KubeDcConfig config) {
        this.clock = clock;
        this.writer = writer;
        this.status = status;
        this.defaultType = config.defaultFipNetworkType();
    }

    @Override
    public List<EventSource<?, FIp>> prepareEventSources(EventSourceContext<FIp> ctx) {
        sources = new FIpSources(ctx);
        primaries = ctx.getPrimaryCache();
        return sources.all();
    }

    @Override
    public UpdateControl<FIp> reconcile(FIp fip, Context<FIp> context) {
        Facts facts = facts(fip, context);
        return status.report(fip, context, new FIpStatusSpec(x -> FIpStatusBuilder.build(x, facts, clock)))
                .reschedule(UpdateControl.noUpdate());
    }

    private Facts facts(FIp fip, Context<FIp> context) {
        String ns = fip.getMetadata().getNamespace();
        // what it holds is kept (ProjectNamespaces.gate): an OvnFip of ours programmed earlier
        boolean holds = sources.ovnFips
                .get(new ResourceID(FIpDesired.ovnFipName(fip)))
                .filter(o -> Owners.ownedBy(o, fip))
                .or(() -> mineElsewhere(fip))
                .isPresent();
        switch (ProjectNamespaces.gate(sources.namespaces.membership(ns), holds)) {
            case WAIT -> {
                return new Facts(
                        null,
                        null,
                        null,
                        null,
                        null,
                        FIpReasons.WAITING_FOR_NAMESPACE,
                        "waiting to see namespace " + ns);
            }
            case REFUSE -> {
                return new Facts(
                        null,
                        null,
                        null,
                        null,
                        null,
                        FIpReasons.NOT_A_PROJECT_NAMESPACE,
                        ProjectNamespaces.refusal("FIp " + fip.getMetadata().getName(), ns));
            }
            case PROCEED -> {}
        }
        String cidr = sources.subnets
                .get(new ResourceID(FIpSources.subnetOf(ns)))
                .map(Subnet::getSpec)
                .map(Subnet.Spec::cidrBlock)
                .orElse(null);
        var problem = FIpValidation.check(fip.getSpec(), cidr);
        if (problem.isPresent()) {
            return new Facts(
                    null,
                    null,
                    null,
                    null,
                    null,
                    problem.get().reason(),
                    problem.get().message());
        }
        String target = fip.getSpec().getIpAddress();
        TargetVmInterface vmIface = null;
        if (fip.getSpec().getVmTarget() != null) {
            var vmi = sources.vmis
                    .get(new ResourceID(fip.getSpec().getVmTarget().getVmName(), ns))
                    .orElse(null);
            var r = TargetResolution.resolve(fip.getSpec().getVmTarget(), vmi);
            if (r.target() == null) {
                return new Facts(null, null, null, null, null, r.reason(), r.message());
            }
            vmIface = r.target();
            target = vmIface.getIpAddress();
        }
        String eipName = FIpSources.eipName(fip);
        Optional<EIp> eip = sources.eips.get(new ResourceID(eipName, ns));
        if (fip.getSpec().getEip() != null && !fip.getSpec().getEip().isBlank()) {
            if (eip.isEmpty()) {
                return new Facts(
                        eipName,
                        null,
                        null,
                        target,
                        vmIface,
                        FIpReasons.EIP_NOT_FOUND,
                        "no EIp " + eipName + " in namespace " + ns);
            }
            Optional<FIp> holder = holder(fip, eipName);
            if (holder.isPresent()) {
                return new Facts(
                        eipName,
                        null,
                        null,
                        target,
                        vmIface,
                        FIpReasons.EIP_CONFLICT,
                        "EIp " + eipName + " is already used by FIp "
                                + holder.get().getMetadata().getName());
            }
            String created = String.valueOf(fip.getMetadata().getCreationTimestamp());
            Optional<io.fabric8.kubernetes.api.model.Service> service =
                    sources.services.byIndex(FIpSources.SERVICE_EIP_INDEX, ns + "/" + eipName).stream()
                            .filter(svc -> String.valueOf(svc.getMetadata().getCreationTimestamp())
                                            .compareTo(created)
                                    <= 0)
                            .findFirst();
            if (service.isPresent()) {
                return new Facts(
                        eipName,
                        null,
                        null,
                        target,
                        vmIface,
                        FIpReasons.EIP_CONFLICT,
                        "EIp " + eipName + " is bound to LoadBalancer Service "
                                + service.get().getMetadata().getName());
            }
        } else if (eip.isEmpty()) {
            // list() reads the informer's store only: get() also sees what this controller just wrote
            Optional<EIp> upstream = FIpAdoption.upstreamAutoEIp(
                    fip,
                    sources.eips
                            .list(ns, x -> true)
                            .map(x ->
                                    sources.eips.get(ResourceID.fromResource(x)).orElse(x))
                            .toList());
            if (upstream
                    .isPresent()) { // migrated: upstream's own EIp of the FIp, its address kept; named on the FIp from
                // now on
                EIp adopted = writer.adopt(upstream.get(), Owners.labels(fip));
                writer.annotate(
                        fip,
                        com.kubedc.net.vocabulary.Keys.ADOPTED_EIP,
                        adopted.getMetadata().getName());
                if (adopted != upstream.get()) {
                    sources.eips.handleRecentResourceUpdate(ResourceID.fromResource(adopted), adopted, upstream.get());
                }
                LOG.infof(
                        "FIp %s/%s: adopted EIp %s made by upstream's manager",
                        ns, fip.getMetadata().getName(), adopted.getMetadata().getName());
                eip = Optional.of(adopted);
                eipName = adopted.getMetadata().getName();
            } else {
                String type = fip.getSpec().getExternalNetworkType() == null
                                || fip.getSpec().getExternalNetworkType().isBlank()
                        ? defaultType
                        : fip.getSpec().getExternalNetworkType();
                eip = Optional.ofNullable(writer.create(FIpDesired.autoEIp(fip, type)));
                eip.ifPresent(e -> sources.eips.handleRecentResourceCreate(ResourceID.fromResource(e), e));
            }
        }
        if (eip.isPresent() && fip.getSpec().getEip() == null && !Owners.ownedBy(eip.get(), fip)) {
            return new Facts(
                    eipName,
                    null,
                    null,
                    target,
                    vmIface,
                    FIpReasons.NAME_CONFLICT,
                    "EIp " + eipName + " exists and is not this FIp's");
        }
        EIp e = eip.orElse(null);
        if (e == null
                || e.getStatus() == null
                || !e.getStatus().isReady()
                || e.getStatus().getOvnEIpRef().isBlank()) {
            return new Facts(
                    eipName,
                    null,
                    null,
                    target,
                    vmIface,
                    FIpReasons.WAITING_FOR_EIP,
                    "waiting for EIp " + eipName + " to have an address");
        }
        return nat(fip, e, target, vmIface);
    }

    /** Programs the OvnFip; a different target or EIp means delete and create again (Kube-OVN ignores an edited v4Ip). */
    private Facts nat(FIp fip, EIp e, String target, TargetVmInterface vmIface) {
        OvnFip existing =
                sources.ovnFips.get(new ResourceID(FIpDesired.ovnFipName(fip))).orElse(null);
        if (existing == null) {
            existing = mineElsewhere(fip).or(() -> adopt(fip)).orElse(null);
        }
        String name = existing == null
                ? FIpDesired.ovnFipName(fip)
                : existing.getMetadata().getName();
        String eipName = e.getMetadata().getName();
        String ext = e.getStatus().getIpAddress();
        if (existing != null
                && existing.getSpec() != null
                && (!Objects.equals(existing.getSpec().v4Ip(), target)
                        || !Objects.equals(
                                existing.getSpec().ovnEip(), e.getStatus().getOvnEIpRef()))) {
            writer.delete(existing);
            return new Facts(
                    eipName,
                    ext,
                    name,
                    target,
                    vmIface,
                    FIpReasons.WAITING_FOR_NAT,
                    "re-creating OvnFip " + name + " for target " + target);
        }
        OvnFip now = writer.ensure(FIpDesired.ovnFip(fip, e.getStatus().getOvnEIpRef(), target), existing)
                .orElse(null);
        if (now != null && now != existing) {
            sources.ovnFips.handleRecentResourceCreate(new ResourceID(name), now);
        }
        if (now == null
                || now.getStatus() == null
                || !Boolean.TRUE.equals(now.getStatus().ready())) {
            return new Facts(
                    eipName,
                    ext,
                    name,
                    target,
                    vmIface,
                    FIpReasons.WAITING_FOR_NAT,
                    "waiting for Kube-OVN to program OvnFip " + name);
        }
        return new Facts(eipName, ext, name, target, vmIface, null, null);
    }

    /** An OvnFip of this FIp under upstream's name (adopted earlier). */
    private Optional<OvnFip> mineElsewhere(FIp fip) {
        return upstreamCandidates(fip).stream()
                .filter(o -> Owners.ownedBy(o, fip))
                .findFirst();
    }

    /**
     * The OvnFip upstream's manager made for this FIp ({@code <ns>-<fip>} or the name its status
     * records, in the project VPC): adopted with our owner labels, its NAT untouched.
     */
    private Optional<OvnFip> adopt(FIp fip) {
        var labels = Owners.labels(fip);
        String ns = fip.getMetadata().getNamespace();
        String recorded = fip.getStatus() == null ? null : fip.getStatus().getOvnFip();
        return upstreamCandidates(fip).stream()
                .filter(o -> Adoption.decide(
                                o,
                                labels,
                                UpstreamMarkers.ovnFipOfFIp(
                                        o.getMetadata().getName(),
                                        o.getSpec() == null ? null : o.getSpec().vpc(),
                                        ns,
                                        fip.getMetadata().getName(),
                                        recorded))
                        == Adoption.Verdict.ADOPT)
                .findFirst()
                .map(o -> {
                    OvnFip adopted = writer.adopt(o, labels);
                    sources.ovnFips.handleRecentResourceUpdate(ResourceID.fromResource(adopted), adopted, o);
                    LOG.infof(
                            "FIp %s/%s: adopted OvnFip %s made by upstream's manager",
                            ns, fip.getMetadata().getName(), o.getMetadata().getName());
                    return adopted;
                });
    }

    private List<OvnFip> upstreamCandidates(FIp fip) {
        String recorded = fip.getStatus() == null ? null : fip.getStatus().getOvnFip();
        return java.util.stream.Stream.of(
                        recorded,
                        UpstreamMarkers.ovnFipName(
                                fip.getMetadata().getNamespace(),
                                fip.getMetadata().getName()))
                .filter(n -> n != null && !n.isBlank() && !n.equals(FIpDesired.ovnFipName(fip)))
                .distinct()
                .map(n -> sources.ovnFips.get(new ResourceID(n)))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The oldest other FIp naming the same EIp holds it (exclusive). */
    private Optional<FIp> holder(FIp fip, String eipName) {
        return sharing(fip, eipName).stream()
                .filter(o -> !o.getMetadata().getUid().equals(fip.getMetadata().getUid()))
                .filter(o -> o.getMetadata().getDeletionTimestamp() == null)
                .filter(o -> older(o, fip))
                .findFirst();
    }

    private List<FIp> sharing(FIp fip, String eipName) {
        return primaries == null
                ? List.of()
                : primaries.byIndex(
                        FIpSources.EIP_INDEX, FIpSources.key(fip.getMetadata().getNamespace(), eipName));
    }

    private io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache<FIp> primaries;

    static boolean older(FIp a, FIp b) {
        Comparator<FIp> byAge = Comparator.comparing((FIp f) -> f.getMetadata().getCreationTimestamp())
                .thenComparing(f -> f.getMetadata().getName());
        return byAge.compare(a, b) < 0;
    }

    /** OvnFip first, then the FIp's own EIp; each waited for before the finalizer goes. */
    @Override
    public DeleteControl cleanup(FIp fip, Context<FIp> context) {
        Optional<OvnFip> nat = sources.ovnFips
                .get(new ResourceID(FIpDesired.ovnFipName(fip)))
                .filter(o -> Owners.ownedBy(o, fip))
                .or(() -> mineElsewhere(fip));
        if (nat.isPresent()) {
            writer.delete(nat.get());
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(Duration.ofMillis(500));
        }
        Optional<EIp> own = sources.eips
                .get(new ResourceID(
                        FIpDesired.autoEIpName(fip), fip.getMetadata().getNamespace()))
                .filter(e -> Owners.ownedBy(e, fip));
        if (own.isPresent()) {
            writer.delete(own.get());
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(Duration.ofMillis(500));
        }
        return DeleteControl.defaultDelete();
    }
}
