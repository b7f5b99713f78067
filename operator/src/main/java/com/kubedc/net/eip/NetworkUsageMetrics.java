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
    static final String NAME = "kubedc.external.network.addresses";
    private final MeterRegistry registry;
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    /** The current Subnet cache: replaced when the controller restarts and builds new informers. */
    private volatile Function<String, Subnet> lookup = n -> null;

    NetworkUsageMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Gauges read Subnets through {@code lookup} from now on. */
    void readFrom(Function<String, Subnet> lookup) {
        this.lookup = lookup;
    }

    /** Registers the gauges of every external network seen, once. */
    void track(Iterable<Subnet> external) {
        for (Subnet s : external) {
            String name = s.getMetadata().getName();
            if (known.add(name)) {
                register(name, "free", st -> st.v4availableIPs());
                register(name, "used", st -> st.v4usingIPs());
            }
        }
    }

    private void register(String network, String state, Function<Subnet.Status, Double> value) {
        // a gauge left by an earlier controller instance in this JVM (Micrometer's global composite
        // outlives it) would read a stopped cache for ever: replace it
        registry.find(NAME).tags("network", network, "state", state).meters().forEach(registry::remove);
        Gauge.builder(NAME, () -> {
                    Subnet s = lookup.apply(network);
                    Double v = s == null || s.getStatus() == null ? null : value.apply(s.getStatus());
                    return v == null ? Double.NaN : v;
                })
                .tags("network", network, "state", state)
                .description("addresses of an external network, from Kube-OVN's Subnet status")
                .register(registry);
    }
}
