package com.kubedc.net.gatewayroute;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TLSRoute;
import java.util.List;

/** The fields HTTPRoute, TLSRoute and GRPCRoute share but whose types do not: read from whichever one it is. Pure. */
public final class RouteKinds {
    private RouteKinds() {}

    public static List<String> hostnames(HasMetadata route) {
        List<String> h = route instanceof HTTPRoute r && r.getSpec() != null
                ? r.getSpec().getHostnames()
                : route instanceof TLSRoute t && t.getSpec() != null
                        ? t.getSpec().getHostnames()
                        : route instanceof GRPCRoute g && g.getSpec() != null
                                ? g.getSpec().getHostnames()
                                : null;
        return h == null ? List.of() : h;
    }

    /** The parent statuses the Gateway controllers wrote; empty when there are none yet. */
    public static List<RouteParentStatus> parentStatuses(HasMetadata route) {
        List<RouteParentStatus> p = route instanceof HTTPRoute r && r.getStatus() != null
                ? r.getStatus().getParents()
                : route instanceof TLSRoute t && t.getStatus() != null
                        ? t.getStatus().getParents()
                        : route instanceof GRPCRoute g && g.getStatus() != null
                                ? g.getStatus().getParents()
                                : null;
        return p == null ? List.of() : p;
    }
}
