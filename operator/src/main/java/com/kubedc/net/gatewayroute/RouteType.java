package com.kubedc.net.gatewayroute;

import java.util.Locale;
import java.util.Optional;

/** Values of {@code service.nlb.kube-dc.com/expose-route} (spec §8.3, Decision 9 adds {@code grpc}). */
public enum RouteType {
    HTTP("http"),
    HTTPS("https"),
    TLS_PASSTHROUGH("tls-passthrough"),
    GRPC("grpc");

    private final String value;

    RouteType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** Types whose TLS the shared Gateway terminates with a per-Service listener and certificate. */
    public boolean terminatesTls() {
        return this == HTTPS || this == GRPC;
    }

    public static Optional<RouteType> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String v = s.trim().toLowerCase(Locale.ROOT);
        for (RouteType t : values()) {
            if (t.value.equals(v)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
