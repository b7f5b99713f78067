package com.kubedc.net.gatewayroute;

import com.kubedc.net.thirdparty.certmanager.Certificate;
import com.kubedc.net.thirdparty.envoy.Backend;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TLSRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.ReferenceGrant;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a gateway-route reconcile reads, and how each change maps back to Services. */
final class RouteSources {
    static final String HOSTNAME_INDEX = "routeHostname";
    static final String MANAGED = Keys.MANAGED_BY + "=" + Keys.MANAGED_BY_VALUE;

    final IndexerResourceCache<Service> services;
    final InformerEventSource<Backend, Service> backends;
    final InformerEventSource<Certificate, Service> certificates;
    final InformerEventSource<ReferenceGrant, Service> grants;
    final InformerEventSource<HTTPRoute, Service> httpRoutes;
    final InformerEventSource<TLSRoute, Service> tlsRoutes;
    final InformerEventSource<GRPCRoute, Service> grpcRoutes;
    final InformerEventSource<Gateway, Service> gateways;
    final RouteKicks kicks = new RouteKicks();

    /**
     * @param hostnameOf the hostname a Service claims, if its annotations are valid
     * @param onGateway whether a Gateway change concerns a Service (it needs a listener, or waits for room)
     */
    RouteSources(
            EventSourceContext<Service> ctx,
            GatewayRef gw,
            Function<Service, Optional<String>> hostnameOf,
            Predicate<Service> onGateway) {
        services = ctx.getPrimaryCache();
        services.addIndexer(
                HOSTNAME_INDEX, s -> hostnameOf.apply(s).map(List::of).orElse(List.of()));
        backends = owned(ctx, Backend.class);
        certificates = owned(ctx, Certificate.class);
        grants = owned(ctx, ReferenceGrant.class);
        httpRoutes = owned(ctx, HTTPRoute.class);
        tlsRoutes = owned(ctx, TLSRoute.class);
        grpcRoutes = owned(ctx, GRPCRoute.class);
        gateways = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(Gateway.class, Service.class)
                        .withName("Gateway")
                        .withNamespaces(Set.of(gw.namespace()))
                        .withGenericFilter(g -> gw.name().equals(g.getMetadata().getName()))
                        .withSecondaryToPrimaryMapper(g -> services.list(onGateway)
                                .map(ResourceID::fromResource)
                                .collect(Collectors.toSet()))
                        .build(),
                ctx);
    }

    private static <R extends HasMetadata> InformerEventSource<R, Service> owned(
            EventSourceContext<Service> ctx, Class<R> kind) {
        return new InformerEventSource<>(
                InformerEventSourceConfiguration.from(kind, Service.class)
                        .withName(kind.getSimpleName())
                        .withLabelSelector(MANAGED)
                        .withSecondaryToPrimaryMapper(RouteSources::source)
                        .withItemStore(new com.kubedc.net.common.LeanItemStore<>())
                        .build(),
                ctx);
    }

    List<EventSource<?, Service>> all() {
        return List.of(backends, certificates, grants, httpRoutes, tlsRoutes, grpcRoutes, gateways, kicks);
    }

    /** Our objects of Service {@code s}'s route, as cached: one per kind at most. */
    List<HasMetadata> children(Service s) {
        List<HasMetadata> out = new ArrayList<>();
        String ns = s.getMetadata().getNamespace();
        String svc = s.getMetadata().getName();
        Stream.of(
                        backends.get(new ResourceID(RouteDesired.backendName(svc), ns)),
                        certificates.get(new ResourceID(RouteDesired.certificateName(svc), ns)),
                        grants.get(new ResourceID(RouteDesired.referenceGrantName(svc), ns)),
                        httpRoutes.get(new ResourceID(RouteDesired.routeName(svc), ns)),
                        tlsRoutes.get(new ResourceID(RouteDesired.routeName(svc), ns)),
                        grpcRoutes.get(new ResourceID(RouteDesired.routeName(svc), ns)))
                .flatMap(Optional::stream)
                .filter(o -> RouteDesired.ownedBy(o, s))
                .forEach(out::add);
        return out;
    }

    /** Services claiming {@code hostname}, in every namespace. */
    List<Service> claimants(String hostname) {
        return services.byIndex(HOSTNAME_INDEX, hostname);
    }

    Optional<Gateway> gateway(GatewayRef gw) {
        return gateways.get(new ResourceID(gw.name(), gw.namespace()));
    }

    private static Set<ResourceID> source(HasMetadata o) {
        Map<String, String> l = o.getMetadata().getLabels();
        String svc = l == null ? null : l.get(Keys.SOURCE_SERVICE);
        return svc == null
                ? Set.of()
                : Set.of(new ResourceID(svc, o.getMetadata().getNamespace()));
    }
}
