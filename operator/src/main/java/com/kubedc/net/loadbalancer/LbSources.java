package com.kubedc.net.loadbalancer;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.FIp;
import com.kubedc.net.common.LeanItemStore;
import com.kubedc.net.common.ProjectNamespaces;
import com.kubedc.net.common.SharedSource;
import com.kubedc.net.ovn.NbLoadBalancers;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.ServiceBinding;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What a Service load-balancer reconcile reads, and how each change maps back to Services. */
final class LbSources {
    static final String EIP_INDEX = "lbEip";

    final IndexerResourceCache<Service> services;
    final SharedSource<EIp, Service> eips;
    final SharedSource<FIp, Service> fips;
    final SharedSource<EndpointSlice, Service> slices;
    final ProjectNamespaces<Service> namespaces;
    final InformerEventSource<Service, Service> extServices;
    final InformerEventSource<Endpoints, Service> extEndpoints;
    final NbEventSource nb;

    LbSources(EventSourceContext<Service> ctx, NbLoadBalancers nbLbs) {
        services = ctx.getPrimaryCache();
        services.addIndexer(EIP_INDEX, s -> {
            String k = ServiceBinding.eipKey(s);
            return k == null ? List.of() : List.of(k);
        });
        eips = new SharedSource<>(
                ctx,
                EIp.class,
                e -> ids(services.byIndex(
                        EIP_INDEX,
                        e.getMetadata().getNamespace() + "/" + e.getMetadata().getName())));
        fips = new SharedSource<>(
                ctx,
                FIp.class,
                f -> f.getSpec() == null || f.getSpec().getEip() == null
                        ? Set.of()
                        : ids(services.byIndex(
                                EIP_INDEX,
                                f.getMetadata().getNamespace() + "/"
                                        + f.getSpec().getEip())));
        slices = new SharedSource<>(ctx, EndpointSlice.class, sl -> {
            String svc = sl.getMetadata().getLabels() == null
                    ? null
                    : sl.getMetadata().getLabels().get(Keys.SERVICE_NAME);
            return svc == null
                    ? Set.of()
                    : Set.of(new ResourceID(svc, sl.getMetadata().getNamespace()));
        });
        namespaces = new ProjectNamespaces<>(ctx, LbServiceFilter::concerned);
        extServices = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(Service.class, Service.class)
                        .withName("ExtService")
                        .withLabelSelector(Keys.UPSTREAM_MANAGED_BY + "=" + ExtCompanion.MANAGED_BY_VALUE)
                        .withSecondaryToPrimaryMapper(LbSources::source)
                        .withItemStore(new LeanItemStore<>())
                        .build(),
                ctx);
        extEndpoints = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(Endpoints.class, Service.class)
                        .withName("ExtEndpoints")
                        .withLabelSelector(Keys.UPSTREAM_MANAGED_BY + "=" + ExtCompanion.MANAGED_BY_VALUE)
                        .withSecondaryToPrimaryMapper(LbSources::source)
                        .withItemStore(new LeanItemStore<>())
                        .build(),
                ctx);
        nb = new NbEventSource(nbLbs, services);
    }

    List<EventSource<?, Service>> all() {
        return List.of(eips, fips, slices, namespaces.source(), extServices, extEndpoints, nb);
    }

    /** Whether {@code ns} is a project namespace (labelled by the Project reconciler), as cached. */
    ProjectNamespaces.Membership membership(String ns) {
        return namespaces.membership(ns);
    }

    List<EndpointSlice> slicesOf(Service s) {
        return slices.list(
                        s.getMetadata().getNamespace(),
                        sl -> sl.getMetadata().getLabels() != null
                                && s.getMetadata()
                                        .getName()
                                        .equals(sl.getMetadata().getLabels().get(Keys.SERVICE_NAME)))
                .toList();
    }

    /** Services bound to EIp {@code ns/name}. */
    List<Service> boundTo(String eipKey) {
        return services.byIndex(EIP_INDEX, eipKey);
    }

    private static Set<ResourceID> source(io.fabric8.kubernetes.api.model.HasMetadata o) {
        Map<String, String> l = o.getMetadata().getLabels();
        return l == null || l.get(Keys.SOURCE_SERVICE) == null
                ? Set.of()
                : Set.of(new ResourceID(
                        l.get(Keys.SOURCE_SERVICE), o.getMetadata().getNamespace()));
    }

    static Set<ResourceID> ids(List<Service> list) {
        return list.stream().map(ResourceID::fromResource).collect(Collectors.toSet());
    }
}
