package com.kubedc.net.vocabulary;

/** Every label, annotation and finalizer key we read or write: on our objects, on Services, on upstream's. */
public final class Keys {
    /** On every object we create; value {@link #MANAGED_BY_VALUE}. */
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

    public static final String MANAGED_BY_VALUE = "kube-dc-net";
    /** Owner of a child: namespace and name of the Project (or EIp/FIp/Service) that made it. */
    public static final String OWNER_NAMESPACE = "kube-dc.com/owner-namespace";

    public static final String OWNER_NAME = "kube-dc.com/owner-name";
    public static final String OWNER_KIND = "kube-dc.com/owner-kind";
    public static final String OWNER_UID = "kube-dc.com/owner-uid";

    /** Project namespace: label {@code ""}, annotation {@code <org>/<project>}. */
    public static final String PROJECT = "kube-dc.com/project";

    /** External networks are Subnets with this label ({@code cloud} or {@code public}). */
    public static final String EXTERNAL_NETWORK_TYPE = "network.kube-dc.com/external-network-type";
    /** The default external network also has this label, {@code "true"}. */
    public static final String DEFAULT_EXTERNAL = "network.kube-dc.com/default-external";
    /** On an OvnEip we made for an EIp: {@code <namespace>.<eip>}. */
    public static final String EIP = "network.kube-dc.com/eip";

    public static final String EIP_CREATED_BY = "kube-dc.com/ovn-eip-created-by-eip";

    /** Project annotations: comma-separated IPs/CIDRs. */
    public static final String EGRESS_ALLOWLIST = "network.kube-dc.com/egress-allowlist";

    public static final String INGRESS_ALLOWLIST = "network.kube-dc.com/ingress-allowlist";

    /**
     * On a Service or FIp whose own EIp upstream's manager made under a random name ({@code slb-<svc>-xxxxx},
     * {@code fip-<fip>-xxxxx}): that name, written once when it is adopted.
     */
    public static final String ADOPTED_EIP = "kube-dc.com/adopted-eip";

    public static final String PROJECT_FINALIZER = "project.kube-dc.com/finalizer";
    public static final String EIP_FINALIZER = "eip.kube-dc.com/finalizer";

    /** Service annotations: which EIp a LoadBalancer Service is exposed on (spec §7.2). */
    public static final String BIND_ON_DEFAULT_GW = "service.nlb.kube-dc.com/bind-on-default-gw-eip";

    public static final String BIND_ON_EIP = "service.nlb.kube-dc.com/bind-on-eip";
    /** Service annotation {@code "true"}: delete the Service once it has had no ready endpoint for the grace period. */
    public static final String AUTODELETE = "service.nlb.kube-dc.com/autodelete";

    /** Service annotations of gateway routes (spec §10.1, §10.2). */
    public static final String EXPOSE_ROUTE = "service.nlb.kube-dc.com/expose-route";

    public static final String ROUTE_HOSTNAME = "service.nlb.kube-dc.com/route-hostname";
    public static final String ROUTE_PORT = "service.nlb.kube-dc.com/route-port";
    public static final String TLS_ISSUER = "service.nlb.kube-dc.com/tls-issuer";
    public static final String TLS_SECRET = "service.nlb.kube-dc.com/tls-secret";
    public static final String CREATE_GATEWAY_BACKEND = "service.nlb.kube-dc.com/create-gateway-backend";
    /** Written by us when the route is usable. */
    public static final String ROUTE_HOSTNAME_STATUS = "service.nlb.kube-dc.com/route-hostname-status";

    /** On route children and upstream's external-network companions: {@code <namespace>/<service>} or the Service's name. */
    public static final String SOURCE_SERVICE = "kube-dc.com/source-service";
    /** Upstream's marker on objects its service-lb controller made (value {@code service-lb-controller}). */
    public static final String UPSTREAM_MANAGED_BY = "kube-dc.com/managed-by";
    /** {@link #UPSTREAM_MANAGED_BY} of the {@code <svc>-ext} companion Services and Endpoints the load balancer makes. */
    public static final String LB_COMPANION = "service-lb-controller";
    /** Label selector of every Service but the load balancer's {@code -ext} companions (unlabelled ones included). */
    public static final String NOT_LB_COMPANIONS = UPSTREAM_MANAGED_BY + "!=" + LB_COMPANION;

    public static final String ENDPOINT_TYPE = "kube-dc.com/endpoint-type";

    /** Kubernetes' label on an EndpointSlice: the Service it belongs to. */
    public static final String SERVICE_NAME = "kubernetes.io/service-name";

    /** Condition types on a Service: the load-balancer controller's and the route controller's. */
    public static final String LOAD_BALANCER_READY = "kube-dc.com/LoadBalancerReady";

    public static final String ROUTE_READY = "kube-dc.com/RouteReady";

    public static final String FIP_FINALIZER = "fip.kube-dc.com/finalizer";
    public static final String LOADBALANCER_FINALIZER = "loadbalancer.kube-dc.com/finalizer";
    public static final String ROUTE_FINALIZER = "gatewayroute.kube-dc.com/finalizer";

    private Keys() {}

    private static final java.util.regex.Pattern VALUE =
            java.util.regex.Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");

    /** True when {@code value} may be a label value (at most 63 characters, alphanumerics at both ends, then -_.). */
    public static boolean validValue(String value) {
        return value != null && value.length() <= 63 && VALUE.matcher(value).matches();
    }
}
