package com.kubedc.net.loadbalancer;

import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import java.util.List;
import java.util.Map;

/**
 * The {@code <svc>-ext} headless Service and its Endpoints holding the external address (spec
 * §7.5), so in-cluster clients can reach a Service by its external IP under a DNS name. Pure.
 */
public final class ExtCompanion {
    public static final String MANAGED_BY_VALUE = Keys.LB_COMPANION;

    private ExtCompanion() {}

    public static String name(String service) {
        return service + "-ext";
    }

    static Map<String, String> labels(Service source) {
        return Map.of(
                Keys.UPSTREAM_MANAGED_BY,
                MANAGED_BY_VALUE,
                Keys.SOURCE_SERVICE,
                source.getMetadata().getName(),
                Keys.ENDPOINT_TYPE,
                "external");
    }

    public static Service service(Service source) {
        Service s = new Service();
        s.setMetadata(meta(source, ownerRef(source)));
        ServiceSpec spec = new ServiceSpec();
        spec.setType("ClusterIP");
        spec.setClusterIP("None");
        spec.setPorts(source.getSpec().getPorts().stream()
                .map(p -> {
                    ServicePort q = new ServicePort();
                    q.setName(p.getName());
                    q.setPort(p.getPort());
                    q.setProtocol(p.getProtocol() == null ? "TCP" : p.getProtocol());
                    return q;
                })
                .toList());
        s.setSpec(spec);
        return s;
    }

    public static Endpoints endpoints(Service source, Service ext, String address) {
        Endpoints e = new Endpoints();
        e.setMetadata(meta(source, ownerRef(ext)));
        EndpointSubset subset = new EndpointSubset();
        EndpointAddress a = new EndpointAddress();
        a.setIp(address);
        subset.setAddresses(List.of(a));
        subset.setPorts(source.getSpec().getPorts().stream()
                .map(p -> {
                    EndpointPort q = new EndpointPort();
                    q.setName(p.getName());
                    q.setPort(p.getPort());
                    q.setProtocol(p.getProtocol() == null ? "TCP" : p.getProtocol());
                    return q;
                })
                .toList());
        e.setSubsets(List.of(subset));
        return e;
    }

    static ObjectMeta meta(Service source, OwnerReference owner) {
        ObjectMeta m = new ObjectMeta();
        m.setName(name(source.getMetadata().getName()));
        m.setNamespace(source.getMetadata().getNamespace());
        m.setLabels(labels(source));
        m.setOwnerReferences(List.of(owner));
        return m;
    }

    static OwnerReference ownerRef(HasMetadata o) {
        OwnerReference r = new OwnerReference();
        r.setApiVersion("v1");
        r.setKind(o.getKind() == null ? "Service" : o.getKind());
        r.setName(o.getMetadata().getName());
        r.setUid(o.getMetadata().getUid());
        r.setController(true);
        return r;
    }
}
