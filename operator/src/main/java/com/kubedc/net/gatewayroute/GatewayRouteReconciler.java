package com.kubedc.net.gatewayroute;

import com.kubedc.net.common.ProjectNamespaces;
import com.kubedc.net.common.StatusReporter;
import com.kubedc.net.common.WriteCounter;
import com.kubedc.net.common.Writer;
import com.kubedc.net.config.KubeDcConfig;
import com.kubedc.net.thirdparty.certmanager.Certificate;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.RouteIntent;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.client.KubernetesClient;
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
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.operatorsdk.annotations.RBACRule;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Service annotated {@code expose-route} (or {@code create-gateway-backend}) → its route on
 * the platform's shared Gateway (spec §8, Decisions 7–10): Envoy Backend on the Service's external
 * address, Certificate, ReferenceGrant, our own listener when the type needs one, and the route;
 * {@code route-hostname-status} once usable. Separate from the load-balancer controller, whose
 * {@code status.loadBalancer} address it reads. Like it, only Services in project namespaces are
 * served and carry its finalizer, which it adds and removes itself ({@code triggerReconcilerOnAllEvents}).
 */
@RBACRule(
        apiGroups = "",
        resources = {"services"},
        verbs = {"get", "list", "watch", "patch"})
@RBACRule(
        apiGroups = "",
        resources = {"services/status"},
        verbs = {"get", "patch"})
@RBACRule(
        apiGroups = "",
        resources = {"secrets"},
        verbs = {"get"})
@RBACRule(
        apiGroups = "",
        resources = {"namespaces"},
        verbs = {"get", "list", "watch"})
@RBACRule(
        apiGroups = RouteDesired.ENVOY_GROUP,
        resources = {"backends"},
        verbs = {"get", "list", "watch", "create", "patch", "delete"})
@RBACRule(
        apiGroups = "cert-manager.io",
        resources = {"certificates"},
        verbs = {"get", "list", "watch", "create", "patch", "delete"})
@RBACRule(
        apiGroups = RouteDesired.GATEWAY_GROUP,
        resources = {"httproutes", "tlsroutes", "grpcroutes", "referencegrants"},
        verbs = {"get", "list", "watch", "create", "patch", "delete"})
@RBACRule(
        apiGroups = RouteDesired.GATEWAY_GROUP,
        resources = {"gateways"},
        verbs = {"get", "list", "watch", "update"})
@ControllerConfiguration(
        name = "gatewayroute",
        triggerReconcilerOnAllEvents = true,
        generationAwareEventProcessing = false,
        informer =
                @Informer(
                        genericFilter = RouteServiceFilter.class,
                        labelSelector = com.kubedc.net.vocabulary.Keys.NOT_LB_COMPANIONS,
                        itemStore = com.kubedc.net.common.LeanItemStore.class),
        maxReconciliationInterval = @MaxReconciliationInterval(interval = 10, timeUnit = TimeUnit.MINUTES))
public class GatewayRouteReconciler implements Reconciler<Service> {

    private final Writer writer;
    private final KubernetesClient client;
    private final RouteMetrics metrics;
    private final RouteReport report;
    private final GatewayListenerWriter listenerWriter;
    private final GatewayRef gw;
    private final RouteParser parser;
    private final Duration secretRecheck;
    private final boolean enabled;
    private RouteSources sources;
    private RouteChildren children;
    private ProjectNamespaces<Service> namespaces;

    public GatewayRouteReconciler(
            Clock clock,
            Writer writer,
            StatusReporter status,
            KubernetesClient client,
            WriteCounter writes,
            MeterRegistry registry,
            KubeDcConfig config) {
        this.writer = writer;
        this.client = client;
        this.metrics = new RouteMetrics(registry);
        this.report = new RouteReport(clock, writer, status, metrics);
        this.listenerWriter = new GatewayListenerWriter(client, writes);
        KubeDcConfig.GatewayConfig g = config.gateway();
        this.gw = new GatewayRef(g.name(), g.namespace(), g.httpListener(), g.passthroughListener());
        this.parser = new RouteParser(config.baseDomain(), config.defaultTlsIssuerRef());
        this.secretRecheck = g.secretRecheck();
        this.enabled = g.enabled();
    }

    @Override
    public List<EventSource<?, Service>> prepareEventSources(EventSourceContext<Service> ctx) {
        namespaces = new ProjectNamespaces<>(ctx, RouteServiceFilter::concerned);
        if (!enabled) {
            // no informer of the Gateway API, Envoy or cert-manager kinds (their CRDs may be absent)
            return List.of(namespaces.source());
        }
        sources = new RouteSources(ctx, gw, parser::claimedHostname, parser::concernsGateway);
        children = new RouteChildren(writer, listenerWriter, sources, gw);
        metrics.readFrom(() -> sources.gateway(gw));
        List<EventSource<?, Service>> all = new java.util.ArrayList<>(sources.all());
        all.add(namespaces.source());
        return all;
    }

    @Override
    public UpdateControl<Service> reconcile(Service s, Context<Service> ctx) {
        if (ctx.isPrimaryResourceDeleted()) {
            return UpdateControl.noUpdate(); // gone: its route went before our finalizer did
        }
        boolean held = s.getMetadata().getFinalizers() != null
                && s.getMetadata().getFinalizers().contains(Keys.ROUTE_FINALIZER);
        boolean deleting = s.getMetadata().getDeletionTimestamp() != null;
        RouteIntent intent = RouteIntent.of(s);
        if (deleting
                || intent == RouteIntent.NONE
                || !namespaces.contains(s.getMetadata().getNamespace())) {
            if (held) {
                letGoOf(s, deleting, ctx);
            } else if (!deleting) {
                report.report(
                        s, null, ctx); // e.g. RoutesDisabled once asked; writes nothing when nothing of ours is there
            }
            return UpdateControl.noUpdate();
        }
        if (!enabled) {
            // nothing is made, so nothing needs our finalizer
            writer.removeFinalizer(s, Keys.ROUTE_FINALIZER);
            report.report(
                    s,
                    RouteOutcome.not(
                            RouteReasons.ROUTES_DISABLED,
                            "gateway routes are switched off in this cluster (kube-dc.gateway.enabled=false)"),
                    ctx);
            return UpdateControl.noUpdate();
        }
        if (!held) {
            // first the finalizer, so nothing is made that a deletion could leave behind; its update brings us back
            PrimaryUpdateAndCacheUtils.addFinalizerWithSSA(ctx, s, Keys.ROUTE_FINALIZER);
            return UpdateControl.noUpdate();
        }
        Set<String> heldHosts = RouteChildren.hostnames(sources.children(s));
        RouteOutcome o = expose(s, intent);
        boolean secret = RouteReasons.WAITING_FOR_TLS_SECRET.equals(o.reason())
                || RouteReasons.TLS_SECRET_INVALID.equals(o.reason());
        if (secret || RouteReasons.isProblem(o.reason()) && !RouteReasons.GATEWAY_NOT_FOUND.equals(o.reason())) {
            release(s); // refused: nothing of an earlier, valid request stays half in place
        }
        var reported = report.report(s, o, ctx);
        letGo(s, heldHosts);
        return reported.reschedule(
                secret ? UpdateControl.<Service>noUpdate().rescheduleAfter(secretRecheck) : UpdateControl.noUpdate());
    }

    /** Deleted, or no longer asking (annotation removed, namespace no longer a project's): the route goes, then our finalizer. */
    private void letGoOf(Service s, boolean deleting, Context<Service> ctx) {
        if (enabled) {
            Set<String> heldHosts = RouteChildren.hostnames(sources.children(s));
            release(s);
            letGo(s, heldHosts);
        }
        // Our finalizer goes after the load balancer's: two controllers removing theirs at the same
        // moment conflict, and the later patch fails (the LB's removal is an update of this
        // Service, which brings us back here).
        if (deleting && lbFirst(s)) {
            return;
        }
        writer.removeFinalizer(s, Keys.ROUTE_FINALIZER);
        if (!deleting) {
            report.report(s, null, ctx);
        }
    }

    private static boolean lbFirst(Service s) {
        return s.getMetadata().getFinalizers() != null
                && s.getMetadata().getFinalizers().contains(Keys.LOADBALANCER_FINALIZER);
    }

    private RouteOutcome expose(Service s, RouteIntent intent) {
        RouteRequest r = null;
        if (intent == RouteIntent.ROUTE) {
            RouteRequest.Parsed p = parser.parse(s);
            if (p.problem() != null) {
                return RouteOutcome.not(p.problem().reason(), p.problem().message());
            }
            r = p.request();
        }
        var port = r != null ? Optional.of(r.port()) : RouteRequest.port(s, RouteParser.annotation(s, Keys.ROUTE_PORT));
        if (port.isEmpty()) {
            return RouteOutcome.not(
                    RouteReasons.INVALID_ROUTE_PORT,
                    Keys.ROUTE_PORT + " \"" + RouteParser.annotation(s, Keys.ROUTE_PORT)
                            + "\" is not a port of Service " + s.getMetadata().getName());
        }
        if (!"LoadBalancer".equals(s.getSpec().getType())) {
            return RouteOutcome.not(
                    RouteReasons.NOT_LOAD_BALANCER,
                    "the Gateway reaches a Service through its external address: " + "make it type LoadBalancer");
        }
        String address = RouteStatus.address(s);
        if (address == null) {
            return RouteOutcome.not(RouteReasons.WAITING_FOR_ADDRESS, "waiting for the Service's external address");
        }
        List<HasMetadata> have = sources.children(s);
        if (r == null) {
            Optional<?> backend =
                    children.ensure(s, RouteDesired.backend(s, port.get().getPort(), address), have);
            if (backend.isEmpty()) {
                return nameConflict(RouteDesired.backendName(s.getMetadata().getName()));
            }
            children.removeExcept(have, Set.of("Backend"));
            children.removeListeners(RouteRequest.listenerNames(
                    s.getMetadata().getName(), s.getMetadata().getNamespace()));
            return RouteOutcome.backendOnly(
                    "Backend " + RouteDesired.backendName(s.getMetadata().getName()) + " → " + address + ":"
                            + port.get().getPort());
        }
        RouteRequest req = r;
        Optional<RouteRequest.Problem> refusal =
                RouteChecks.tlsSecret(client, s, r).or(() -> RouteChecks.hostnameConflict(sources, s, req.hostname()));
        if (refusal.isPresent()) {
            return RouteOutcome.not(refusal.get().reason(), refusal.get().message());
        }
        Gateway gateway = null;
        if (r.listener() != null) {
            gateway = sources.gateway(gw).orElse(null);
            if (gateway == null) {
                return RouteOutcome.not(
                        RouteReasons.GATEWAY_NOT_FOUND,
                        "Gateway " + gw.namespace() + "/" + gw.name() + " does not exist");
            }
            Optional<RouteRequest.Problem> room = RouteChecks.listenerRoom(gateway, r);
            if (room.isPresent()) {
                return RouteOutcome.not(room.get().reason(), room.get().message());
            }
        }
        return write(s, r, address, have, gateway);
    }

    /** Backend → Certificate (until Ready) → ReferenceGrant → listener → route; then what is no longer wanted goes. */
    private RouteOutcome write(Service s, RouteRequest r, String address, List<HasMetadata> have, Gateway gateway) {
        String svc = s.getMetadata().getName();
        Set<String> kinds = new HashSet<>(Set.of("Backend", RouteDesired.routeKind(r.type())));
        if (children.ensure(s, RouteDesired.backend(s, r.port().getPort(), address), have)
                .isEmpty()) {
            return nameConflict(RouteDesired.backendName(svc));
        }
        Certificate cert = null;
        if (r.type().terminatesTls() && r.tlsSecret() == null) {
            kinds.add("Certificate");
            cert = children.ensure(s, RouteDesired.certificate(s, r), have).orElse(null);
            if (cert == null) {
                return nameConflict(RouteDesired.certificateName(svc));
            }
        }
        List<String> staleListeners = RouteRequest.listenerNames(
                        svc, s.getMetadata().getNamespace())
                .stream()
                .filter(n -> !n.equals(r.listener()))
                .toList();
        if (cert != null && !RouteReadiness.ready(cert)) {
            children.removeExcept(have, kinds);
            children.removeListeners(staleListeners);
            return RouteOutcome.not(
                    RouteReasons.WAITING_FOR_CERTIFICATE,
                    "waiting for cert-manager to issue Certificate " + RouteDesired.certificateName(svc) + " for "
                            + r.hostname());
        }
        if (r.listener() != null && r.type().terminatesTls()) {
            kinds.add("ReferenceGrant");
            if (children.ensure(s, RouteDesired.referenceGrant(s, r, gw), have).isEmpty()) {
                return nameConflict(RouteDesired.referenceGrantName(svc));
            }
        }
        if (r.listener() != null
                && children.putListener(gateway, RouteDesired.listener(s, r)) instanceof GatewayListeners.Refused no) {
            return RouteOutcome.not(no.reason(), no.message());
        }
        Optional<HasMetadata> route = children.ensure(s, RouteDesired.route(s, r, gw), have);
        if (route.isEmpty()) {
            return nameConflict(RouteDesired.routeName(svc));
        }
        children.removeExcept(have, kinds);
        children.removeListeners(staleListeners);
        String why = RouteReadiness.notUsable(r, route.get(), cert, gw);
        return why == null ? RouteOutcome.usable(r.hostname()) : RouteOutcome.not(RouteReasons.WAITING_FOR_ROUTE, why);
    }

    /** Everything of this Service's route goes: its objects and its listener (a user's own Secret is never touched). */
    private void release(Service s) {
        sources.children(s).forEach(writer::delete);
        children.removeListeners(RouteRequest.listenerNames(
                s.getMetadata().getName(), s.getMetadata().getNamespace()));
    }

    /** Claims refused for a hostname this Service held and no longer claims are looked at again. */
    private void letGo(Service s, Set<String> held) {
        Optional<String> now =
                s.getMetadata().getDeletionTimestamp() == null ? parser.claimedHostname(s) : Optional.empty();
        Set<ResourceID> others = held.stream()
                .filter(h -> !now.equals(Optional.of(h)))
                .flatMap(h -> sources.claimants(h).stream())
                .filter(c -> !c.getMetadata().getUid().equals(s.getMetadata().getUid()))
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
        sources.kicks.kick(others);
    }

    private RouteOutcome nameConflict(String name) {
        return RouteOutcome.not(RouteReasons.NAME_CONFLICT, name + " exists and is not this Service's");
    }
}
