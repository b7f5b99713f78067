package com.kubedc.net.gatewayroute;

/**
 * Where a Service's gateway route stands after a reconcile.
 *
 * @param hostname the hostname to publish in {@code route-hostname-status}; null unless the route is usable
 */
record RouteOutcome(String reason, String message, String hostname) {
    static RouteOutcome usable(String hostname) {
        return new RouteOutcome(RouteReasons.ROUTE_USABLE, "routed at " + hostname, hostname);
    }

    static RouteOutcome backendOnly(String message) {
        return new RouteOutcome(RouteReasons.BACKEND_READY, message, null);
    }

    static RouteOutcome not(String reason, String message) {
        return new RouteOutcome(reason, message, null);
    }

    boolean ready() {
        return RouteReasons.ROUTE_USABLE.equals(reason) || RouteReasons.BACKEND_READY.equals(reason);
    }
}
