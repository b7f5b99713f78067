package com.kubedc.net.gatewayroute;

/** Reasons of a route's condition; all but the last group are the user's to fix (Warning event). */
public final class RouteReasons {
    public static final String INVALID_ROUTE_TYPE = "InvalidRouteType";
    public static final String INVALID_ROUTE_PORT = "InvalidRoutePort";
    public static final String INVALID_HOSTNAME = "InvalidHostname";
    public static final String NO_BASE_DOMAIN = "NoBaseDomain";
    public static final String TLS_SECRET_NEEDS_HOSTNAME = "TlsSecretNeedsHostname";
    public static final String TLS_SECRET_NOT_APPLICABLE = "TlsSecretNotApplicable";
    public static final String HOSTNAME_CONFLICT = "HostnameConflict";
    public static final String LISTENER_LIMIT_REACHED = "ListenerLimitReached";

    private RouteReasons() {
    }
}
