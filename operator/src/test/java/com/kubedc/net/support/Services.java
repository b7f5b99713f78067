package com.kubedc.net.support;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builders of Services and EndpointSlices (the mock has no endpoints controller: tests play it). */
public final class Services {
    private Services() {}

    /** {@code name:port>target} entries, e.g. {@code "http:80>8080"}, {@code "ssh:2222>ssh"}; UDP with a {@code /udp} suffix. */
    public static Service loadBalancer(String ns, String name, Map<String, String> annotations, String... ports) {
        List<ServicePort> list = new ArrayList<>();
        for (String p : ports) {
            String protocol = p.endsWith("/udp") ? "UDP" : "TCP";
            String spec = p.replace("/udp", "");
            String portName = spec.substring(0, spec.indexOf(':'));
            int port = Integer.parseInt(spec.substring(spec.indexOf(':') + 1, spec.indexOf('>')));
            String target = spec.substring(spec.indexOf('>') + 1);
            list.add(new ServicePortBuilder()
                    .withName(portName)
                    .withPort(port)
                    .withProtocol(protocol)
                    .withTargetPort(
                            target.matches("\\d+")
                                    ? new IntOrString(Integer.parseInt(target))
                                    : new IntOrString(target))
                    .build());
        }
        return new ServiceBuilder()
                .withNewMetadata()
                .withNamespace(ns)
                .withName(name)
                .withAnnotations(annotations)
                .endMetadata()
                .withNewSpec()
                .withType("LoadBalancer")
                .withPorts(list)
                .withSelector(Map.of("app", name))
                .endSpec()
                .build();
    }

    /** A slice of {@code service}: ready {@code addresses}, ports {@code name=number} (the resolved target ports). */
    public static EndpointSlice slice(String ns, String service, List<String> addresses, String... ports) {
        var b = new EndpointSliceBuilder()
                .withNewMetadata()
                .withNamespace(ns)
                .withName(service + "-slice")
                .withLabels(Map.of("kubernetes.io/service-name", service))
                .endMetadata()
                .withAddressType("IPv4");
        for (String a : addresses) {
            b.addToEndpoints(new EndpointBuilder()
                    .withAddresses(a)
                    .withNewConditions()
                    .withReady(true)
                    .endConditions()
                    .build());
        }
        for (String p : ports) {
            String[] kv = p.split("=");
            String protocol = kv[1].endsWith("/udp") ? "UDP" : "TCP";
            b.addToPorts(new EndpointPortBuilder()
                    .withName(kv[0])
                    .withPort(Integer.parseInt(kv[1].replace("/udp", "")))
                    .withProtocol(protocol)
                    .build());
        }
        return b.build();
    }
}
