package com.kubedc.net.project;

import com.kubedc.net.api.v1.Project;
import com.kubedc.net.api.v1.ProjectStatus;
import com.kubedc.net.common.Events;
import com.kubedc.net.common.Owners;
import com.kubedc.net.common.StatusReporter;
import com.kubedc.net.common.UpstreamMarkers;
import com.kubedc.net.common.Writer;
import com.kubedc.net.config.KubeDcConfig;
import com.kubedc.net.thirdparty.kubeovn.KubeOvn;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.thirdparty.kubeovn.Vpc;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Json;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.Names;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Deletes a Project's network in Decision 4's order; each step waits until the objects of the
 * steps before it are gone, so Kube-OVN can release them (its finalizers check dependents).
 * Deletes only what this Project owns: never a namespace that belongs to another Project.
 */
@ApplicationScoped
public class ProjectTeardown {
    private static final Logger LOG = Logger.getLogger(ProjectTeardown.class);

    private final Writer writer;
    private final Events events;
    private final StatusReporter status;
    private final Clock clock;
    private final Duration forceAfter;
    private final Duration poll;

    public ProjectTeardown(Writer writer, Events events, StatusReporter status, Clock clock, KubeDcConfig config) {
        this.writer = writer;
        this.status = status;
        this.events = events;
        this.clock = clock;
        this.forceAfter = config.teardown().forceFinalizerAfter();
        this.poll = config.teardown().pollInterval();
    }

    /** One named step and the objects it still has to remove. */
    record Step(String name, List<? extends HasMetadata> remaining) {}

    /** The steps in order; a namespace not owned by this Project contributes nothing. */
    static List<Step> steps(ProjectInputs in, ProjectSources s) {
        Project p = in.project();
        String ns = Names.projectNamespace(in.org(), in.name());
        boolean ownsNamespace = in.namespace() != null && ProjectValidation.ownsNamespace(in);
        List<Step> steps = new ArrayList<>();
        // LoadBalancer Services first: deleting them makes their controller remove the OVN load balancers
        List<HasMetadata> first = new ArrayList<>();
        if (ownsNamespace) {
            first.addAll(s.fips.list(ns, f -> true).toList());
            first.addAll(s.services
                    .list(
                            ns,
                            svc -> svc.getMetadata().getFinalizers() != null
                                    && svc.getMetadata().getFinalizers().contains(Keys.LOADBALANCER_FINALIZER))
                    .toList());
        }
        steps.add(new Step("LoadBalancersAndFIps", first));
        // upstream's objects not adopted yet (the Project went before a reconcile could) count as ours when the
        // namespace is
        steps.add(new Step("OvnSnatRule", owned(p, in.snat(), ownsNamespace)));
        steps.add(new Step(
                "GatewayOvnEip",
                in.gatewayOvnEips().stream()
                        .flatMap(e ->
                                owned(p, e, ownsNamespace && UpstreamMarkers.ovnEipOfEIp(e, ns, Names.DEFAULT_GW_EIP))
                                        .stream())
                        .toList()));
        steps.add(new Step("EIps", ownsNamespace ? in.eips() : owned(p, in.defaultGw())));
        // OvnEips allocated for EIps of this namespace that outlived them: an EIp deleted and created again under its
        // name can race its own cleanup (TeardownUnderChurnIT); with every EIp gone, what is left here is an orphan
        steps.add(new Step("OrphanedEIpOvnEips", ownsNamespace ? orphanedEIpOvnEips(s, ns) : List.of()));
        steps.add(new Step(
                "NadAndVpcDns",
                Stream.concat(owned(p, in.nad(), ownsNamespace).stream(), owned(p, in.vpcDns(), ownsNamespace).stream())
                        .toList()));
        steps.add(new Step("Subnet", owned(p, in.subnet(), ownsNamespace)));
        steps.add(new Step("Vpc", owned(p, in.vpc(), ownsNamespace)));
        steps.add(new Step("Namespace", ownsNamespace ? List.of(in.namespace()) : List.of()));
        return steps;
    }

    /** OvnEips made for an EIp of {@code ns} (ours or upstream's: both mark it), still cached. */
    static List<OvnEip> orphanedEIpOvnEips(ProjectSources s, String ns) {
        return s.ovnEips.byIndex(ProjectSources.EIP_NAMESPACE_INDEX, ns).stream()
                .filter(o -> o.getMetadata().getAnnotations() != null
                        && o.getMetadata().getAnnotations().containsKey(Keys.EIP_CREATED_BY))
                .toList();
    }

    DeleteControl step(Project p, ProjectInputs in, ProjectSources s, Context<Project> ctx) {
        clearPolicyRoutes(in);
        for (Step step : steps(in, s)) {
            if (step.remaining().isEmpty()) {
                continue;
            }
            for (HasMetadata o : step.remaining()) {
                writer.delete(o);
                releaseUpstreamsFinalizer(o);
                forceKubeOvnFinalizerIfStuck(p, o);
            }
            HasMetadata first = step.remaining().get(0);
            markTerminating(
                    p,
                    ctx,
                    "waiting for " + step.remaining().size() + " object(s) of step " + step.name()
                            + " to be deleted, e.g. " + first.getKind() + " "
                            + first.getMetadata().getName());
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(poll);
        }
        LOG.infof(
                "project %s/%s: teardown complete",
                p.getMetadata().getNamespace(), p.getMetadata().getName());
        return DeleteControl.defaultDelete();
    }

    /** Our policy routes go before SNAT and addresses: nothing may keep steering traffic to them. */
    private void clearPolicyRoutes(ProjectInputs in) {
        Vpc vpc = in.vpc();
        if (vpc != null
                && Owners.ownedBy(vpc, in.project())
                && vpc.getMetadata().getDeletionTimestamp() == null
                && vpc.getSpec() != null
                && vpc.getSpec().policyRoutes() != null
                && !vpc.getSpec().policyRoutes().isEmpty()) {
            var ops = Json.object().arrayNode();
            ops.addObject()
                    .put("op", "replace")
                    .put("path", "/spec/policyRoutes")
                    .set("value", ops.arrayNode());
            writer.patch(vpc, ops);
        }
    }

    /**
     * Upstream's manager put the Project finalizer on children it made (the NAD); we are the Project
     * controller now and nothing else would remove it from an adopted child being deleted.
     */
    private void releaseUpstreamsFinalizer(HasMetadata o) {
        List<String> fin = o.getMetadata().getFinalizers();
        if (o.getMetadata().getDeletionTimestamp() != null
                && fin != null
                && fin.contains(com.kubedc.net.vocabulary.Keys.PROJECT_FINALIZER)) {
            writer.removeFinalizer(o, com.kubedc.net.vocabulary.Keys.PROJECT_FINALIZER);
        }
    }

    /**
     * Kube-OVN down or wedged must not wedge us: once an object has waited longer than the
     * configured time with only Kube-OVN's finalizer left, and everything it depended on is gone
     * (earlier steps), we remove the finalizer ourselves and say so in a Warning event.
     */
    private void forceKubeOvnFinalizerIfStuck(Project p, HasMetadata o) {
        String since = o.getMetadata().getDeletionTimestamp();
        List<String> fin = o.getMetadata().getFinalizers();
        if (since == null || fin == null || !fin.equals(List.of(KubeOvn.FINALIZER))) {
            return;
        }
        if (Duration.between(Instant.parse(since), Instant.now(clock)).compareTo(forceAfter) >= 0) {
            writer.removeFinalizer(o, KubeOvn.FINALIZER);
            events.warning(
                    p,
                    Reasons.FORCED_FINALIZER_REMOVAL,
                    "removed Kube-OVN's finalizer from " + o.getKind() + " "
                            + o.getMetadata().getName() + " after " + forceAfter.toSeconds() + "s in deletion");
        }
    }

    private void markTerminating(Project p, Context<Project> ctx, String message) {
        try {
            // our fields only: quotaUsage and security are other controllers' and stay as they are
            status.report(p, ctx, new ProjectStatusSpec(x -> terminating(x, message, clock)));
        } catch (RuntimeException e) {
            // status during teardown is informative; the next step retries it
            LOG.debugf(
                    "status of terminating project %s not written: %s",
                    p.getMetadata().getName(), e.getMessage());
        }
    }

    /** {@code p}'s status while its teardown waits: Terminating and Ready False say why, the other conditions kept. */
    static ProjectStatus terminating(Project p, String message, Clock clock) {
        ProjectStatus prev = p.getStatus() == null ? new ProjectStatus() : p.getStatus();
        Conditions c = new Conditions(prev.getConditions(), p.getMetadata().getGeneration(), clock);
        prev.getConditions().stream()
                .filter(x ->
                        !x.getType().equals(Reasons.TERMINATING) && !x.getType().equals(Conditions.READY))
                .forEach(x -> c.set(x.getType(), x.getStatus(), x.getReason(), x.getMessage()));
        c.set(Reasons.TERMINATING, true, Reasons.DELETING, message);
        c.set(Conditions.READY, false, Reasons.DELETING, message);
        ProjectStatus next = new ProjectStatus();
        next.setNamespace(prev.getNamespace());
        next.setGatewayIP(prev.getGatewayIP());
        next.setReady(false);
        next.setConditions(c.build());
        return next;
    }

    static List<HasMetadata> owned(Project p, HasMetadata o) {
        return o != null && Owners.ownedBy(o, p) ? List.of(o) : List.of();
    }

    /**
     * Ours, or upstream's at our name for this Project's namespace (no owner labels of anyone):
     * the namespace's {@code kube-dc.com/project} annotation is upstream's marker for all of them.
     */
    static List<HasMetadata> owned(Project p, HasMetadata o, boolean ownsNamespace) {
        if (o == null) {
            return List.of();
        }
        var v = com.kubedc.net.common.Adoption.decide(o, Owners.labels(p), ownsNamespace);
        return v == com.kubedc.net.common.Adoption.Verdict.OURS || v == com.kubedc.net.common.Adoption.Verdict.ADOPT
                ? List.of(o)
                : List.of();
    }
}
