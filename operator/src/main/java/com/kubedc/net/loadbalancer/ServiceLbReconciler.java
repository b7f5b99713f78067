package com.kubedc.net.loadbalancer;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.FIp;
import com.kubedc.net.api.v1.NetworkType;
import com.kubedc.net.common.Events;
import com.kubedc.net.common.ProjectNamespaces;
import com.kubedc.net.common.StatusReporter;
import com.kubedc.net.common.Writer;
import com.kubedc.net.config.KubeDcConfig;
import com.kubedc.net.ovn.LbRow;
import com.kubedc.net.ovn.NbLoadBalancers;
import com.kubedc.net.ovn.NbPlan;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.ServiceBinding;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.operatorsdk.annotations.RBACRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A LoadBalancer Service in a project namespace → an EIp address (spec §7.2) and OVN load
 * balancers on the project router and switch (§7.3), the {@code <svc>-ext} companion (§7.5) and
 * {@code status.loadBalancer.ingress}; {@code autodelete} (§7.8). Only LoadBalancer Services without
 * a class, and those still holding our finalizer, reach it ({@link LbServiceFilter}). The finalizer
 * is ours to add and remove ({@code triggerReconcilerOnAllEvents}): only Services we program carry
 * it, so one outside project namespaces stays deletable without kube-dc-net (Scope); such a
 * Service is told why it gets no address by our condition alone.
 */
@RBACRule(
        apiGroups = "",
        resources = {"services", "endpoints"},
        verbs = {"get", "list", "watch", "create", "patch", "delete"})
@RBACRule(
        apiGroups = "",
        resources = {"services/status"},
        verbs = {"get", "patch"})
@RBACRule(
        apiGroups = "",
        resources = {"namespaces"},
        verbs = {"get", "list", "watch"})
@RBACRule(
        apiGroups = "discovery.k8s.io",
        resources = {"endpointslices"},
        verbs = {"get", "list", "watch"})
@RBACRule(
        apiGroups = "kube-dc.com",
        resources = {"eips"},
        verbs = {"get", "list", "watch", "create", "delete"})
@RBACRule(
        apiGroups = "kube-dc.com",
        resources = {"fips"},
        verbs = {"get", "list", "watch"})
@ControllerConfiguration(
        name = "loadbalancer",
        triggerReconcilerOnAllEvents = true,
        generationAwareEventProcessing = false,
        informer =
                @Informer(
                        genericFilter = LbServiceFilter.class,
                        labelSelector = com.kubedc.net.vocabulary.Keys.NOT_LB_COMPANIONS,
                        itemStore = com.kubedc.net.common.LeanItemStore.class),
        maxReconciliationInterval = @MaxReconciliationInterval(interval = 10, timeUnit = TimeUnit.MINUTES))
public class ServiceLbReconciler implements Reconciler<Service> {
    static final Duration WAIT_FOR_OVN = Duration.ofSeconds(5);
    static final String AUTODELETED = "kubedc.services.autodeleted";

    private final Clock clock;
    private final Writer writer;
    private final Events events;
    private final StatusReporter status;
    private final NbLoadBalancers nb;
    private final String defaultType;
    private final boolean extCompanion;
    private final Duration autodeleteGrace;
    private final Counter autodeleted;
    private LbSources sources;

    public ServiceLbReconciler(
            Clock clock,
            Writer writer,
            Events events,
            StatusReporter status,
            NbLoadBalancers nb,
            KubeDcConfig config,
            MeterRegistry registry) {
        this.clock = clock;
        this.writer = writer;
        this.events = events;
        this.status = status;
        this.nb = nb;
        this.defaultType = config.defaultSvcLbNetworkType();
        this.extCompanion = config.lbExtCompanion();
        this.autodeleteGrace = config.lbAutodeleteGrace();
        this.autodeleted = Counter.builder(AUTODELETED)
                .description("Services deleted by service.nlb.kube-dc.com/autodelete")
                .register(registry);
    }

    @Override
    public List<EventSource<?, Service>> prepareEventSources(EventSourceContext<Service> ctx) {
        sources = new LbSources(ctx, nb);
        return sources.all();
    }

    @Override
    public UpdateControl<Service> reconcile(Service s, Context<Service> ctx) {
        if (ctx.isPrimaryResourceDeleted()) {
            return UpdateControl.noUpdate(); // gone: whatever we made was released before our finalizer went
        }
        boolean held = LbScope.holdsFinalizer(s);
        ProjectNamespaces.Membership membership =
                sources.membership(s.getMetadata().getNamespace());
        if (!LbScope.programs(s, membership == ProjectNamespaces.Membership.PROJECT)) {
            if (held) {
                // deleted, or no longer ours (type, class, namespace): undo, let go, then clear our status
                release(s);
                writer.removeFinalizer(s, Keys.LOADBALANCER_FINALIZER);
            }
            boolean refused = LbScope.refusedHere(s, membership);
            if (s.getMetadata().getDeletionTimestamp() == null && (held || refused)) {
                // asks us for an address outside project namespaces: told why, never finalized, ingress left as it is
                String message = ProjectNamespaces.refusal(
                        "LoadBalancer Service " + s.getMetadata().getName(),
                        s.getMetadata().getNamespace());
                status.report(
                        s,
                        ctx,
                        new LbStatusSpec(
                                x -> {
                                    ServiceStatus cleared = held ? LbStatus.next(x, null, null, clock) : x.getStatus();
                                    return refused ? LbStatus.refused(x, cleared, message, clock) : cleared;
                                },
                                held));
            }
            return UpdateControl.noUpdate();
        }
        if (!held) {
            // first the finalizer, so nothing is programmed that a deletion could leave behind; its update brings us
            // back
            PrimaryUpdateAndCacheUtils.addFinalizerWithSSA(ctx, s, Keys.LOADBALANCER_FINALIZER);
            return UpdateControl.noUpdate();
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        AutoDelete.Decision d = AutoDelete.decide(s, sources.slicesOf(s), now, autodeleteGrace);
        if (d instanceof AutoDelete.Delete del) {
            // the event first: it is the user's only trace of why the Service went
            events.warning(
                    s,
                    AutoDelete.AUTO_DELETING,
                    "no ready endpoint since " + del.since() + " (longer than " + autodeleteGrace
                            + "): deleting the Service as " + Keys.AUTODELETE
                            + " asks (an EIp it is bound to by name stays)");
            if (writer.delete(s)) {
                autodeleted.increment();
            }
            return UpdateControl.noUpdate();
        }
        LbOutcome o = program(s);
        if (!o.keepsRows()) {
            withdraw(s);
        }
        UpdateControl<Service> control = finish(s, o, d, ctx);
        if (d instanceof AutoDelete.Wait w) {
            Duration left = Duration.between(now, w.until()).plusMillis(200);
            boolean sooner =
                    control.getScheduleDelay().map(ms -> ms <= left.toMillis()).orElse(false);
            return sooner ? control : control.rescheduleAfter(left);
        }
        return control;
    }

    private LbOutcome program(Service s) {
        String ns = s.getMetadata().getNamespace();
        ServiceBinding b = ServiceBinding.of(s, defaultType);
        Optional<EIp> own = sources.eips
                .get(new ResourceID(ServiceBinding.ownEIpName(s), ns))
                .filter(e -> LbEIp.ownedBy(e, s));
        if (!b.auto() && own.isPresent()) {
            writer.delete(own.get()); // the binding moved to another EIp: the Service's own one goes
        }
        Optional<EIp> eip = sources.eips.get(new ResourceID(b.eip(), ns));
        if (b.auto()) {
            if (NetworkType.parse(b.networkType()).isEmpty()) {
                return LbOutcome.not(
                        LbReasons.INVALID_NETWORK_TYPE,
                        Keys.EXTERNAL_NETWORK_TYPE + " \"" + b.networkType() + "\" is not one of public, cloud");
            }
            if (eip.isEmpty()) {
                // list() reads the informer's store only: get() also sees what this controller just wrote
                Optional<EIp> upstream = LbAdoption.upstreamAutoEIp(
                        s,
                        sources.eips
                                .list(ns, e -> true)
                                .map(e -> sources.eips
                                        .get(ResourceID.fromResource(e))
                                        .orElse(e))
                                .toList());
                if (upstream
                        .isPresent()) { // migrated: upstream's own EIp of the Service, its address kept; named on the
                    // Service from now on
                    EIp adopted = writer.adopt(upstream.get(), LbEIp.labels(s));
                    writer.annotate(s, Keys.ADOPTED_EIP, adopted.getMetadata().getName());
                    if (adopted != upstream.get()) {
                        sources.eips.handleRecentResourceUpdate(
                                ResourceID.fromResource(adopted), adopted, upstream.get());
                    }
                    b = new ServiceBinding(adopted.getMetadata().getName(), true, b.networkType());
                    eip = Optional.of(adopted);
                } else {
                    eip = Optional.ofNullable(writer.create(LbEIp.auto(s, b.networkType())));
                    eip.ifPresent(e -> sources.eips.handleRecentResourceCreate(ResourceID.fromResource(e), e));
                }
            }
            if (eip.isPresent() && !LbEIp.ownedBy(eip.get(), s)) {
                return LbOutcome.not(LbReasons.NAME_CONFLICT, "EIp " + b.eip() + " exists and is not this Service's");
            }
        } else if (eip.isEmpty() && ServiceBinding.DEFAULT_GW.equals(b.eip())) {
            // the Project makes it, after the namespace this Service is in: a normal start-up order, not the user's
            // mistake
            return LbOutcome.not(LbReasons.WAITING_FOR_EIP, "waiting for the project to create EIp " + b.eip());
        } else if (eip.isEmpty()) {
            return LbOutcome.not(LbReasons.EIP_NOT_FOUND, "no EIp " + b.eip() + " in namespace " + ns);
        }
        EIp e = eip.orElse(null);
        if (e == null
                || e.getStatus() == null
                || !e.getStatus().isReady()
                || e.getStatus().getIpAddress() == null) {
            String why = e == null || e.getStatus() == null
                    ? null
                    : Conditions.reason(e.getStatus().getConditions(), Conditions.READY);
            return why != null && !com.kubedc.net.common.ProgressPacing.inProgress(why)
                    ? LbOutcome.not(LbReasons.EIP_NOT_READY, "EIp " + b.eip() + " is not ready: " + why)
                    : LbOutcome.not(LbReasons.WAITING_FOR_EIP, "waiting for EIp " + b.eip() + " to have an address");
        }
        String address = e.getStatus().getIpAddress();
        Optional<FIp> fip = olderFIp(s, b.eip());
        if (fip.isPresent()) {
            return LbOutcome.not(
                    LbReasons.EIP_CONFLICT,
                    "EIp " + b.eip() + " is used by FIp "
                            + fip.get().getMetadata().getName() + " (1:1 NAT)");
        }
        Optional<String> ports = PortTable.conflict(s, sources.boundTo(ns + "/" + b.eip()), address);
        if (ports.isPresent()) {
            return LbOutcome.not(LbReasons.PORT_CONFLICT, "on EIp " + b.eip() + " (" + address + "): " + ports.get());
        }
        if (!nb.configured()) {
            return LbOutcome.not(LbReasons.OVN_NOT_CONFIGURED, "kube-dc.ovn-db-ips is not set: no OVN NB to program");
        }
        if (!nb.ready()) {
            return LbOutcome.not(LbReasons.WAITING_FOR_OVN, "waiting for the OVN NB connection");
        }
        List<LbRow> rows = LbDesired.rows(s, address, sources.slicesOf(s));
        NbPlan.Plan plan = NbPlan.sync(nb.state(), rows, List.of(owner(s)), ns, ns + "-default");
        if (plan.waiting()) {
            return LbOutcome.not(LbReasons.WAITING_FOR_OVN, "waiting for Kube-OVN to create the " + plan.waitingFor());
        }
        nb.transact(plan.ops());
        if (extCompanion) {
            ensureCompanion(s, address);
        } else {
            removeCompanion(s);
        }
        return LbOutcome.programmed(address, "exposed on " + address + " (EIp " + b.eip() + ")");
    }

    /** The oldest claim wins an EIp that is both an FIp's and a Service's (FIp NAT is 1:1). */
    private Optional<FIp> olderFIp(Service s, String eip) {
        String created = String.valueOf(s.getMetadata().getCreationTimestamp());
        return sources.fips
                .list(
                        s.getMetadata().getNamespace(),
                        f -> f.getSpec() != null
                                && eip.equals(f.getSpec().getEip())
                                && f.getMetadata().getDeletionTimestamp() == null
                                && String.valueOf(f.getMetadata().getCreationTimestamp())
                                                .compareTo(created)
                                        < 0)
                .findFirst();
    }

    private void ensureCompanion(Service s, String address) {
        String name = ExtCompanion.name(s.getMetadata().getName());
        String ns = s.getMetadata().getNamespace();
        Service actual = sources.extServices.get(new ResourceID(name, ns)).orElse(null);
        if (actual == null && sources.services.get(new ResourceID(name, ns)).isPresent()) {
            return; // a Service of that name that is not ours: leave it alone
        }
        Service ext = writer.ensure(ExtCompanion.service(s), actual).orElse(null);
        if (ext != null) {
            writer.ensure(
                    ExtCompanion.endpoints(s, ext, address),
                    sources.extEndpoints.get(new ResourceID(name, ns)).orElse(null));
        }
    }

    private void removeCompanion(Service s) {
        ResourceID id = new ResourceID(
                ExtCompanion.name(s.getMetadata().getName()), s.getMetadata().getNamespace());
        sources.extEndpoints.get(id).ifPresent(writer::delete);
        sources.extServices.get(id).ifPresent(writer::delete);
    }

    /** Not (or no longer) exposed: rows and companion go; the address stays with the EIp. */
    private void withdraw(Service s) {
        if (nb.ready()) {
            nb.transact(NbPlan.remove(nb.state(), List.of(owner(s))));
        }
        removeCompanion(s);
    }

    /** The Service is deleted or stopped being ours: everything we made for it goes (the finalizer is the caller's). */
    private void release(Service s) {
        if (nb.configured()) {
            if (!nb.ready()) {
                throw new IllegalStateException(
                        "OVN NB not connected: load balancers of " + owner(s) + " cannot be removed yet");
            }
            nb.transact(NbPlan.remove(nb.state(), List.of(owner(s))));
        }
        removeCompanion(s);
        sources.eips
                .get(new ResourceID(
                        ServiceBinding.ownEIpName(s), s.getMetadata().getNamespace()))
                .filter(e -> LbEIp.ownedBy(e, s))
                .ifPresent(writer::delete);
    }

    private UpdateControl<Service> finish(Service s, LbOutcome o, AutoDelete.Decision d, Context<Service> ctx) {
        var written = status.report(s, ctx, new LbStatusSpec(x -> LbStatus.next(x, o, d, clock), true));
        UpdateControl<Service> control = UpdateControl.noUpdate();
        return written.reschedule(
                LbReasons.WAITING_FOR_OVN.equals(o.reason()) ? control.rescheduleAfter(WAIT_FOR_OVN) : control);
    }

    /** The ingress addresses a Service shows. */
    public static List<String> ips(ServiceStatus s) {
        return s == null || s.getLoadBalancer() == null || s.getLoadBalancer().getIngress() == null
                ? List.of()
                : s.getLoadBalancer().getIngress().stream().map(i -> i.getIp()).toList();
    }

    static String owner(Service s) {
        return s.getMetadata().getNamespace() + "/" + s.getMetadata().getName();
    }
}
