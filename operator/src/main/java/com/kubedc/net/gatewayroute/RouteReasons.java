package com.kubedc.net.gatewayroute;

import com.kubedc.net.vocabulary.Keys;

/** The condition a route reports on its Service's {@code status.conditions}, and its reasons. */
public final class RouteReasons {
    /** Condition type; True once the route is usable (the hostname status annotation is then written). */
    public static final String ROUTE_READY = Keys.ROUTE_READY;

    public static final String ROUTE_USABLE = "RouteUsable";
    public static final String BACKEND_READY = "BackendReady";

    // the user's to fix: a Warning event when one appears
    public static final String INVALID_ROUTE_TYPE = "InvalidRouteType";
    public static final String INVALID_ROUTE_PORT = "InvalidRoutePort";
    public static final String INVALID_HOSTNAME = "InvalidHostname";
    public static final String NO_BASE_DOMAIN = "NoBaseDomain";
    public static final String TLS_SECRET_NEEDS_HOSTNAME = "TlsSecretNeedsHostname";
    public static final String TLS_SECRET_NOT_APPLICABLE = "TlsSecretNotApplicable";
    /** A {@code tls-secret} of the {@code namespace/name} form: never another namespace's (a missing one is a wait, below). */
    public static final String TLS_SECRET_NOT_FOUND = "TlsSecretNotFound";

    public static final String TLS_SECRET_INVALID = "TlsSecretInvalid";
    public static final String NOT_LOAD_BALANCER = "NotLoadBalancer";
    public static final String HOSTNAME_CONFLICT = "HostnameConflict";
    /** A chosen hostname that is another namespace's generated {@code <svc>-<ns>.<base domain>}. */
    public static final String HOSTNAME_RESERVED = "HostnameReserved";

    public static final String LISTENER_LIMIT_REACHED = "ListenerLimitReached";
    public static final String GATEWAY_NOT_FOUND = "GatewayNotFound";
    public static final String NAME_CONFLICT = "NameConflict";
    public static final String ROUTES_DISABLED = "RoutesDisabled";

    // on the way
    public static final String WAITING_FOR_ADDRESS = "WaitingForAddress";
    public static final String WAITING_FOR_CERTIFICATE = "WaitingForCertificate";
    public static final String WAITING_FOR_ROUTE = "WaitingForRoute";
    /**
     * The {@code tls-secret} does not exist (yet): a Secret applied with its Service may come
     * second, so a wait (looked at again every secret-recheck), with the name in the message.
     */
    public static final String WAITING_FOR_TLS_SECRET = "WaitingForTlsSecret";

    private RouteReasons() {}

    /** Reasons that are the user's (or the platform's) to fix: a Warning event when they appear. */
    public static boolean isProblem(String reason) {
        return switch (reason) {
            case INVALID_ROUTE_TYPE,
                    INVALID_ROUTE_PORT,
                    INVALID_HOSTNAME,
                    NO_BASE_DOMAIN,
                    TLS_SECRET_NEEDS_HOSTNAME,
                    TLS_SECRET_NOT_APPLICABLE,
                    TLS_SECRET_NOT_FOUND,
                    TLS_SECRET_INVALID,
                    NOT_LOAD_BALANCER,
                    HOSTNAME_CONFLICT,
                    HOSTNAME_RESERVED,
                    LISTENER_LIMIT_REACHED,
                    GATEWAY_NOT_FOUND,
                    NAME_CONFLICT,
                    ROUTES_DISABLED -> true;
            default -> false;
        };
    }
}
