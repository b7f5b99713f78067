package com.kubedc.net.eip;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.EIpOwner;
import com.kubedc.net.api.v1.EIpStatus;
import com.kubedc.net.common.Conditions;
import com.kubedc.net.common.Json;
import com.kubedc.net.common.Labels;
import com.kubedc.net.common.ReadyTimer;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.thirdparty.kubeovn.OvnSnatRule;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.quarkiverse.operatorsdk.annotations.RBACRule;
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
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * EIp → status from its OvnEip. This first version adopts {@code spec.childRef} (the project's
 * {@code default-gw}); owners are derived from who references the OvnEip (SNAT rules so far).
 */
@RBACRule(apiGroups = "kubeovn.io", resources = {"ovn-eips", "ovn-snat-rules"}, verbs = {"get", "list", "watch"})
@ControllerConfiguration(name = "eip", finalizerName = Labels.EIP_FINALIZER,
        maxReconciliationInterval = @MaxReconciliationInterval(interval = 10, timeUnit = TimeUnit.MINUTES))
public class EIpReconciler implements Reconciler<EIp>, Cleaner<EIp> {
    static final String CHILD_REF_INDEX = "childRef";

    private final Clock clock;
    private final ReadyTimer readyTimer;
    private InformerEventSource<OvnEip, EIp> ovnEips;
    private InformerEventSource<OvnSnatRule, EIp> snats;

    public EIpReconciler(Clock clock, ReadyTimer readyTimer) {
        this.clock = clock;
        this.readyTimer = readyTimer;
    }

    @Override
    public List<EventSource<?, EIp>> prepareEventSources(EventSourceContext<EIp> ctx) {
        var primaries = ctx.getPrimaryCache();
        primaries.addIndexer(CHILD_REF_INDEX, e -> e.getSpec() == null || e.getSpec().getChildRef() == null
                ? List.of() : List.of(e.getSpec().getChildRef()));
        ovnEips = new InformerEventSource<>(InformerEventSourceConfiguration.from(OvnEip.class, EIp.class)
                .withSecondaryToPrimaryMapper(e -> byChildRef(primaries.byIndex(CHILD_REF_INDEX, e.getMetadata().getName())))
                .build(), ctx);
        snats = new InformerEventSource<>(InformerEventSourceConfiguration.from(OvnSnatRule.class, EIp.class)
                .withSecondaryToPrimaryMapper(r -> r.getSpec() == null || r.getSpec().ovnEip() == null ? Set.of()
                        : byChildRef(primaries.byIndex(CHILD_REF_INDEX, r.getSpec().ovnEip())))
                .build(), ctx);
        snats.addIndexer("ovnEip", r -> r.getSpec() == null || r.getSpec().ovnEip() == null ? List.of() : List.of(r.getSpec().ovnEip()));
        return List.of(ovnEips, snats);
    }

    static Set<ResourceID> byChildRef(List<EIp> eips) {
        return eips.stream().map(ResourceID::fromResource).collect(Collectors.toSet());
    }

    @Override
    public UpdateControl<EIp> reconcile(EIp eip, Context<EIp> context) {
        String childRef = eip.getSpec() == null ? null : eip.getSpec().getChildRef();
        EIpStatus next;
        if (childRef != null && !childRef.isBlank()) {
            OvnEip ovnEip = ovnEips.get(new ResourceID(childRef)).orElse(null);
            List<EIpOwner> owners = snats.byIndex("ovnEip", childRef).stream()
                    .filter(r -> r.getMetadata().getDeletionTimestamp() == null)
                    .map(r -> new EIpOwner(EIpOwner.SNAT, r.getMetadata().getName())).toList();
            next = EIpStatusBuilder.adopted(eip, childRef, ovnEip, owners, clock);
        } else {
            next = pendingAllocation(eip);
        }
        boolean wasReady = eip.getStatus() != null && eip.getStatus().isReady();
        if (next.isReady() && !wasReady) {
            readyTimer.record("EIp", eip);
        }
        if (Json.tree(eip.getStatus()).equals(Json.tree(next))) {
            return UpdateControl.noUpdate();
        }
        eip.setStatus(next);
        return UpdateControl.patchStatus(eip);
    }

    /** Pool allocation is the next issue's work; until then such an EIp says so instead of looking stuck. */
    private EIpStatus pendingAllocation(EIp eip) {
        EIpStatus prev = eip.getStatus() == null ? new EIpStatus() : eip.getStatus();
        Conditions c = new Conditions(prev.getConditions(), eip.getMetadata().getGeneration(), clock);
        c.set(Conditions.READY, false, EIpReasons.ALLOCATION_PENDING,
                "this controller version adopts OvnEips named by spec.childRef only; pool allocation is not available yet");
        EIpStatus s = new EIpStatus();
        s.setConditions(c.build());
        return s;
    }

    /** An adopted OvnEip belongs to the Project's teardown (SNAT → OvnEip → EIp); nothing to delete here. */
    @Override
    public DeleteControl cleanup(EIp eip, Context<EIp> context) {
        return DeleteControl.defaultDelete();
    }
}
