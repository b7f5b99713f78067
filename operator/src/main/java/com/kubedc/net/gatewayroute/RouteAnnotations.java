package com.kubedc.net.gatewayroute;

/** The Service annotations of gateway routes (spec §10.1, §10.2). */
public final class RouteAnnotations {
    public static final String EXPOSE_ROUTE = "service.nlb.kube-dc.com/expose-route";
    public static final String ROUTE_HOSTNAME = "service.nlb.kube-dc.com/route-hostname";
    public static final String ROUTE_PORT = "service.nlb.kube-dc.com/route-port";
    public static final String TLS_ISSUER = "service.nlb.kube-dc.com/tls-issuer";
    public static final String TLS_SECRET = "service.nlb.kube-dc.com/tls-secret";
    public static final String CREATE_GATEWAY_BACKEND = "service.nlb.kube-dc.com/create-gateway-backend";
    /** Written by us when the route is usable. */
    public static final String ROUTE_HOSTNAME_STATUS = "service.nlb.kube-dc.com/route-hostname-status";

    private RouteAnnotations() {
    }
}
