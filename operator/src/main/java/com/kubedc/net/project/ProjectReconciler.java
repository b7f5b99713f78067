package com.kubedc.net.project;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.Project;
import com.kubedc.net.common.Owners;
import com.kubedc.net.common.StatusReporter;
import com.kubedc.net.config.KubeDcConfig;
import com.kubedc.net.network.ExternalNetworks;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.Names;
import com.kubedc.net.vocabulary.ServiceAddresses;
import com.kubedc.net.vocabulary.ServiceBinding;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Project → namespace, Vpc, Subnet, NAD, gateway OvnEip, EIp default-gw, OvnSnatRule, VpcDns
 * (spec §4.1). A short script: read caches, validate, build desired children, write what
 * differs, patch status if it changed. Not generation-aware: the allowlist annotations matter.
 */
@RBACRule(
        apiGroups = "",
        resources = "namespaces",
        verbs = {"get", "list", "watch", "create", "patch", "delete"})
@RBACRule(
        apiGroups = "",
        resources = "events",
        verbs = {"create"})
@RBACRule(
        apiGroups = "",
        resources = "services",
        verbs = {"get", "list", "watch", "delete"})
@RBACRule(
        apiGroups = "discovery.k8s.io",
        resources = "endpointslices",
        verbs = {"get", "list", "watch"})
@RBACRule(
        apiGroups = "kubeovn.io",
        resources = {"vpcs", "subnets", "ovn-eips", "ovn-snat-rules", "vpc-dnses"},
        verbs = {"get", "list", "watch", "create", "patch", "delete"})
@RBACRule(
        apiGroups = "k8s.cni.cncf.io",
        resources = "network-attachment-definitions",
        verbs = {"get", "list", "watch", "create", "patch", "delete"})
@RBACRule(
        apiGroups = Project.GROUP,
        resources = {"eips", "fips"},
        verbs = {"get", "list", "watch", "create", "patch", "delete"})
@RBACRule(
        apiGroups = "coordination.k8s.io",
        resources = "leases",
        verbs = {"get", "create", "update"})
@ControllerConfiguration(
        name = "project",
        finalizerName = Keys.PROJECT_FINALIZER,
        generationAwareEventProcessing = false,
        informer =
                @io.javaoperatorsdk.operator.api.config.informer.Informer(
                        itemStore = com.kubedc.net.common.LeanItemStore.class),
        maxReconciliationInterval = @MaxReconciliationInterval(interval = 10, timeUnit = TimeUnit.MINUTES))
public class ProjectReconciler implements Reconciler<Project>, Cleaner<Project> {
    private final ProjectSettings settings;
    private final ProjectApply apply;
    private final ProjectTeardown teardown;
    private final StatusReporter status;
    private final Clock clock;
    private ProjectSources sources;

    public ProjectReconciler(
            KubeDcConfig config, ProjectApply apply, ProjectTeardown teardown, StatusReporter status, Clock clock) {
        this.settings = ProjectSettings.from(config);
        this.apply = apply;
        this.teardown = teardown;
        this.status = status;
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, Project>> prepareEventSources(EventSourceContext<Project> context) {
        sources = new ProjectSources(context);
        return sources.all();
    }

    @Override
    public UpdateControl<Project> reconcile(Project p, Context<Project> context) {
        ProjectInputs in = gather(p);
        var result = ProjectValidation.validate(in, settings);
        ProjectStatusSpec next;
        if (result instanceof ProjectValidation.Bad bad) {
            next = new ProjectStatusSpec(x -> ProjectStatusBuilder.invalid(x, bad.problem(), clock));
        } else {
            Plan plan = ((ProjectValidation.Good) result).plan();
            Observed observed = apply.apply(p, plan, in, sources, settings);
            next = new ProjectStatusSpec(x -> ProjectStatusBuilder.progress(x, plan, observed, clock));
        }
        return status.report(p, context, next).reschedule(UpdateControl.noUpdate());
    }

    @Override
    public DeleteControl cleanup(Project p, Context<Project> context) {
        return teardown.step(p, gather(p), sources, context);
    }

    /**
     * Exposed addresses of the namespace with the external network of their EIp (EIp → OvnEip →
     * subnet): ready FIps' targets, and the ready backends of LoadBalancer Services that show an address.
     */
    List<ProjectInputs.SourceRoute> sourceRoutes(String ns, List<EIp> eips) {
        var byName = new java.util.HashMap<String, EIp>();
        eips.forEach(e -> byName.put(e.getMetadata().getName(), e));
        java.util.function.Function<String, String> network = eip -> {
            EIp e = byName.get(eip);
            String ovn =
                    e == null || e.getStatus() == null ? null : e.getStatus().getOvnEIpRef();
            return ovn == null || ovn.isBlank()
                    ? null
                    : sources.ovnEips
                            .get(new ResourceID(ovn))
                            .map(o -> o.getSpec() == null ? null : o.getSpec().externalSubnet())
                            .orElse(null);
        };
        List<ProjectInputs.SourceRoute> out = new java.util.ArrayList<>();
        sources.fips
                .list(
                        ns,
                        f -> f.getStatus() != null
                                && f.getStatus().isReady()
                                && f.getStatus().getResolvedTargetIP() != null)
                .forEach(f -> {
                    String net = network.apply(f.getStatus().getEip());
                    if (net != null) {
                        out.add(new ProjectInputs.SourceRoute(
                                PolicyRoutes.FIP_SECONDARY_REROUTE,
                                f.getStatus().getResolvedTargetIP(),
                                net));
                    }
                });
        sources.services
                .list(
                        ns,
                        s -> ServiceBinding.managed(s)
                                && !ServiceAddresses.ips(s.getStatus()).isEmpty())
                .forEach(svc -> {
                    String net = network.apply(ServiceBinding.of(svc, "").eip());
                    if (net == null) {
                        return;
                    }
                    var slices = sources.slices
                            .list(
                                    ns,
                                    sl -> sl.getMetadata().getLabels() != null
                                            && svc.getMetadata()
                                                    .getName()
                                                    .equals(sl.getMetadata()
                                                            .getLabels()
                                                            .get(Keys.SERVICE_NAME)))
                            .toList();
                    ServiceAddresses.backendAddresses(slices)
                            .forEach(ip ->
                                    out.add(new ProjectInputs.SourceRoute(PolicyRoutes.LB_SECONDARY_REROUTE, ip, net)));
                });
        return out;
    }

    /** Reads everything from the informer caches (no API calls). */
    ProjectInputs gather(Project p) {
        String org = p.getMetadata().getNamespace();
        String ns = Names.projectNamespace(org, p.getMetadata().getName());
        ExternalNetworks networks = ExternalNetworks.from(com.kubedc.net.common.ExternalSubnets.of(sources.subnets));
        List<OvnEip> gatewayEips = sources.ovnEips.byIndex(ProjectSources.OWNER_INDEX, ProjectSources.ownerKey(p));
        var adoptable = networks.all().stream()
                .map(n -> sources.ovnEips.get(new ResourceID(Names.gatewayOvnEip(ns, n.name()))))
                .flatMap(java.util.Optional::stream)
                .filter(e -> !Owners.ownedBy(e, p));
        List<OvnEip> gateways = java.util.stream.Stream.concat(gatewayEips.stream(), adoptable)
                .distinct()
                .toList();
        List<EIp> eips = sources.eips.list(ns, e -> true).toList();
        return new ProjectInputs(
                p,
                networks,
                sources.namespaces.get(new ResourceID(ns)).orElse(null),
                sources.vpcs.get(new ResourceID(Names.vpc(ns))).orElse(null),
                sources.subnets.get(new ResourceID(Names.subnet(ns))).orElse(null),
                sources.nads.get(new ResourceID(Names.DEFAULT_NAD, ns)).orElse(null),
                gateways,
                sources.eips.get(new ResourceID(Names.DEFAULT_GW_EIP, ns)).orElse(null),
                sources.snats.get(new ResourceID(Names.snat(ns))).orElse(null),
                sources.vpcDnses.get(new ResourceID(Names.vpcDns(ns))).orElse(null),
                eips,
                sources.ovnEips.byIndex(ProjectSources.EIP_NAMESPACE_INDEX, ns).stream()
                        .map(OvnEip::getSpec)
                        .filter(java.util.Objects::nonNull)
                        .map(OvnEip.Spec::externalSubnet)
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .sorted()
                        .toList(),
                sourceRoutes(ns, eips));
    }
}
