package com.kubedc.net.vocabulary;

import io.fabric8.kubernetes.api.model.ServiceStatus;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** What a Service's status and EndpointSlices say about its addresses: read by every controller that routes to Services. */
public final class ServiceAddresses {
    private ServiceAddresses() {}

    /** The ingress addresses a Service shows. */
    public static List<String> ips(ServiceStatus s) {
        return s == null || s.getLoadBalancer() == null || s.getLoadBalancer().getIngress() == null
                ? List.of()
                : s.getLoadBalancer().getIngress().stream().map(i -> i.getIp()).toList();
    }

    /** The ready IPv4 endpoint addresses of a Service's slices, sorted, each once. */
    public static List<String> backendAddresses(List<EndpointSlice> slices) {
        TreeSet<String> out = new TreeSet<>();
        slices.stream().filter(sl -> "IPv4".equals(sl.getAddressType())).forEach(sl -> out.addAll(readyAddresses(sl)));
        return List.copyOf(out);
    }

    /** The addresses of a slice's endpoints that are ready (an endpoint without a ready condition counts as ready). */
    public static List<String> readyAddresses(EndpointSlice slice) {
        List<String> out = new ArrayList<>();
        if (slice.getEndpoints() == null) {
            return out;
        }
        for (Endpoint e : slice.getEndpoints()) {
            boolean ready = e.getConditions() == null
                    || e.getConditions().getReady() == null
                    || e.getConditions().getReady();
            if (ready && e.getAddresses() != null) {
                out.addAll(e.getAddresses());
            }
        }
        return out;
    }
}
