package com.kubedc.net.eip;

import com.kubedc.net.thirdparty.kubeovn.Subnet;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@code kubedc_external_network_addresses{network, state=free|used}}: read on scrape from the
 * Subnet cache (Kube-OVN's counters). Networks are few, so the network label stays bounded.
 */
final class NetworkUsageMetrics {
    private final MeterRegistry registry;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    NetworkUsageMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the gauges of every external network seen, once; {@code lookup} reads the current Subnet. */
    void track(Iterable<Subnet> external, Function<String, Subnet> lookup) {
        for (Subnet s : external) {
            String name = s.getMetadata().getName();
            if (known.add(name)) {
                register(name, "free", lookup, st -> st.v4availableIPs());
                register(name, "used", lookup, st -> st.v4usingIPs());
            }
        }
    }

    private void register(String network, String state, Function<String, Subnet> lookup, Function<Subnet.Status, Double> value) {
        Gauge.builder("kubedc.external.network.addresses", () -> {
            Subnet s = lookup.apply(network);
            Double v = s == null || s.getStatus() == null ? null : value.apply(s.getStatus());
            return v == null ? Double.NaN : v;
        }).tags("network", network, "state", state).description("addresses of an external network, from Kube-OVN's Subnet status")
                .register(registry);
    }

}
