package com.kubedc.net.vocabulary;

import io.fabric8.kubernetes.api.model.Service;
import java.util.Map;

/** What a Service's annotations ask of the gateway: a route (which implies a backend), a backend alone, or nothing. */
public enum RouteIntent {
    NONE,
    BACKEND,
    ROUTE;

    public static RouteIntent of(Service s) {
        Map<String, String> a = s.getMetadata().getAnnotations();
        if (a == null) {
            return NONE;
        }
        if (a.get(Keys.EXPOSE_ROUTE) != null) {
            return ROUTE;
        }
        return "true"
                        .equalsIgnoreCase(String.valueOf(a.get(Keys.CREATE_GATEWAY_BACKEND))
                                .trim())
                ? BACKEND
                : NONE;
    }
}
