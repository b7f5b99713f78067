package com.kubedc.net.ovn.ovsdb;

import java.time.Duration;
import java.util.List;

/** How to reach and watch an OVSDB database: endpoints, database, timeouts, keepalive, backoff. */
public record OvsdbOptions(
        List<Endpoint> endpoints,
        String database,
        Duration requestTimeout,
        Duration echoInterval,
        Duration backoffMin,
        Duration backoffMax) {

    public static OvsdbOptions defaults(List<Endpoint> endpoints, String database) {
        return new OvsdbOptions(
                endpoints,
                database,
                Duration.ofSeconds(10),
                Duration.ofSeconds(5),
                Duration.ofMillis(100),
                Duration.ofSeconds(5));
    }
}
