package com.kubedc.net.gatewayroute;

import com.kubedc.net.thirdparty.certmanager.Certificate;
import com.kubedc.net.thirdparty.envoy.Backend;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCBackendRefBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRefBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReferenceBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TLSRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TLSRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.ReferenceGrant;
import io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.ReferenceGrantBuilder;
import java.util.List;
import java.util.Map;

/**
 * The objects of a Service's gateway route (spec §8.3, Decisions 7–10), all in the Service's
 * namespace and owned by it, plus the listener we add to the shared Gateway. Pure: the Service,
 * its checked {@link RouteRequest}, the external address and the Gateway in; objects out.
 */
public final class RouteDesired {
    public static final String ENVOY_GROUP = "gateway.envoyproxy.io";
    public static final String GATEWAY_GROUP = "gateway.networking.k8s.io";

    private RouteDesired() {}

    public static String backendName(String svc) {
        return svc + "-backend";
    }

    public static String certificateName(String svc) {
        return svc + "-tls";
    }

    /** The Secret the listener terminates TLS with: the user's, else the one our Certificate fills. */
    public static String secretName(String svc, RouteRequest r) {
        return r.tlsSecret() != null ? r.tlsSecret() : svc + "-tls-secret";
    }

    public static String referenceGrantName(String svc) {
        return "allow-gateway-cert-" + svc;
    }

    public static String routeName(String svc) {
        return svc + "-route";
    }

    /** Envoy Backend: the Service's external address and routed port (the Gateway cannot reach project VPCs). */
    public static Backend backend(Service s, int port, String address) {
        Backend b = new Backend();
        b.setMetadata(meta(s, backendName(s.getMetadata().getName())));
        b.setSpec(new Backend.Spec(List.of(new Backend.Endpoint(new Backend.Ip(address, port)))));
        return b;
    }

    /** cert-manager Certificate for the hostname; none when the user brings a Secret. */
    public static Certificate certificate(Service s, RouteRequest r) {
        String[] issuer = r.issuer().split("/", 2);
        Certificate c = new Certificate();
        c.setMetadata(meta(s, certificateName(s.getMetadata().getName())));
        c.setSpec(new Certificate.Spec(
                secretName(s.getMetadata().getName(), r),
                List.of(r.hostname()),
                new Certificate.IssuerRef(issuer[1], issuer[0], "cert-manager.io")));
        return c;
    }

    /** Lets the Gateway (its namespace only) read exactly the one Secret of the listener. */
    public static ReferenceGrant referenceGrant(Service s, RouteRequest r, GatewayRef gw) {
        return new ReferenceGrantBuilder()
                .withMetadata(meta(s, referenceGrantName(s.getMetadata().getName())))
                .withNewSpec()
                .addNewFrom()
                .withGroup(GATEWAY_GROUP)
                .withKind("Gateway")
                .withNamespace(gw.namespace())
                .endFrom()
                .addNewTo()
                .withGroup("")
                .withKind("Secret")
                .withName(secretName(s.getMetadata().getName(), r))
                .endTo()
                .endSpec()
                .build();
    }

    /**
     * Our listener on the shared Gateway: hostname-bound, routes admitted from the Service's
     * namespace only and of the one kind the type needs.
     */
    public static Listener listener(Service s, RouteRequest r) {
        String ns = s.getMetadata().getNamespace();
        ListenerBuilder b = new ListenerBuilder()
                .withName(r.listener())
                .withHostname(r.hostname())
                .withPort(443)
                .withNewAllowedRoutes()
                .withNewNamespaces()
                .withFrom("Selector")
                .withNewSelector()
                .withMatchLabels(Map.of("kubernetes.io/metadata.name", ns))
                .endSelector()
                .endNamespaces()
                .addNewKind()
                .withGroup(GATEWAY_GROUP)
                .withKind(routeKind(r.type()))
                .endKind()
                .endAllowedRoutes();
        if (r.type() == RouteType.TLS_PASSTHROUGH) {
            return b.withProtocol("TLS")
                    .withNewTls()
                    .withMode("Passthrough")
                    .endTls()
                    .build();
        }
        return b.withProtocol("HTTPS")
                .withNewTls()
                .withMode("Terminate")
                .addNewCertificateRef()
                .withGroup("")
                .withKind("Secret")
                .withName(secretName(s.getMetadata().getName(), r))
                .withNamespace(ns)
                .endCertificateRef()
                .endTls()
                .build();
    }

    public static String routeKind(RouteType t) {
        return switch (t) {
            case HTTP, HTTPS -> "HTTPRoute";
            case TLS_PASSTHROUGH -> "TLSRoute";
            case GRPC -> "GRPCRoute";
        };
    }

    /** The route: HTTPRoute, TLSRoute or GRPCRoute {@code <svc>-route} on our listener or the shared one. */
    public static HasMetadata route(Service s, RouteRequest r, GatewayRef gw) {
        String svc = s.getMetadata().getName();
        int port = r.port().getPort();
        ParentReference parent = new ParentReferenceBuilder()
                .withGroup(GATEWAY_GROUP)
                .withKind("Gateway")
                .withName(gw.name())
                .withNamespace(gw.namespace())
                .withSectionName(section(r, gw))
                .build();
        return switch (r.type()) {
            case HTTP, HTTPS -> {
                HTTPRoute h = new HTTPRouteBuilder()
                        .withMetadata(meta(s, routeName(svc)))
                        .withNewSpec()
                        .withParentRefs(parent)
                        .withHostnames(r.hostname())
                        .addNewRule()
                        .withBackendRefs(new HTTPBackendRefBuilder()
                                .withGroup(ENVOY_GROUP)
                                .withKind("Backend")
                                .withName(backendName(svc))
                                .withPort(port)
                                .build())
                        .endRule()
                        .endSpec()
                        .build();
                yield h;
            }
            case GRPC -> {
                GRPCRoute g = new GRPCRouteBuilder()
                        .withMetadata(meta(s, routeName(svc)))
                        .withNewSpec()
                        .withParentRefs(parent)
                        .withHostnames(r.hostname())
                        .addNewRule()
                        .withBackendRefs(new GRPCBackendRefBuilder()
                                .withGroup(ENVOY_GROUP)
                                .withKind("Backend")
                                .withName(backendName(svc))
                                .withPort(port)
                                .build())
                        .endRule()
                        .endSpec()
                        .build();
                yield g;
            }
            case TLS_PASSTHROUGH -> {
                TLSRoute t = new TLSRouteBuilder()
                        .withMetadata(meta(s, routeName(svc)))
                        .withNewSpec()
                        .withParentRefs(parent)
                        .withHostnames(r.hostname())
                        .addNewRule()
                        .addNewBackendRef()
                        .withGroup(ENVOY_GROUP)
                        .withKind("Backend")
                        .withName(backendName(svc))
                        .withPort(port)
                        .endBackendRef()
                        .endRule()
                        .endSpec()
                        .build();
                yield t;
            }
        };
    }

    /** Our listener when the type has one, else the platform's shared listener. */
    static String section(RouteRequest r, GatewayRef gw) {
        if (r.listener() != null) {
            return r.listener();
        }
        return r.type() == RouteType.TLS_PASSTHROUGH ? gw.passthroughListener() : gw.httpListener();
    }

    static ObjectMeta meta(Service s, String name) {
        ObjectMeta m = new ObjectMeta();
        m.setName(name);
        m.setNamespace(s.getMetadata().getNamespace());
        m.setLabels(Map.of(
                Keys.MANAGED_BY,
                Keys.MANAGED_BY_VALUE,
                Keys.SOURCE_SERVICE,
                s.getMetadata().getName()));
        m.setOwnerReferences(List.of(new OwnerReferenceBuilder()
                .withApiVersion("v1")
                .withKind("Service")
                .withName(s.getMetadata().getName())
                .withUid(s.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build()));
        return m;
    }

    /** Ours and this Service's: owned by its uid (a namesake Service recreated later does not inherit it until reconciled). */
    public static boolean ownedBy(HasMetadata o, Service s) {
        return o.getMetadata().getOwnerReferences() != null
                && o.getMetadata().getOwnerReferences().stream()
                        .anyMatch(r -> "Service".equals(r.getKind())
                                && s.getMetadata().getUid() != null
                                && s.getMetadata().getUid().equals(r.getUid()));
    }
}
