package com.kubedc.net.support;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.EIpSpec;
import com.kubedc.net.api.v1.EIpStatus;
import com.kubedc.net.api.v1.Project;
import com.kubedc.net.api.v1.ProjectSpec;
import com.kubedc.net.common.Labels;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builders of test objects: the seed's external networks and Projects. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Project project(String org, String name, String cidr, String egressType) {
        Project p = new Project();
        p.setMetadata(new ObjectMetaBuilder().withNamespace(org).withName(name).withGeneration(1L)
                .withUid("uid-" + org + "-" + name).withAnnotations(new HashMap<>()).build());
        ProjectSpec spec = new ProjectSpec();
        spec.setCidrBlock(cidr);
        spec.setEgressNetworkType(egressType);
        p.setSpec(spec);
        return p;
    }

    public static Project withAnnotation(Project p, String key, String value) {
        p.getMetadata().getAnnotations().put(key, value);
        return p;
    }

    /** {@code ext-cloud}: 100.65.0.0/16, gateway 100.65.0.1, the default external network. */
    public static Subnet extCloud() {
        return externalSubnet("ext-cloud", "cloud", "100.65.0.0/16", "100.65.0.1", true, List.of("100.65.0.1..100.65.0.100"));
    }

    /** {@code ext-public}: 168.119.17.48/28, gateway .49, excluding .49–.50. */
    public static Subnet extPublic() {
        return externalSubnet("ext-public", "public", "168.119.17.48/28", "168.119.17.49", false, List.of("168.119.17.49..168.119.17.50"));
    }

    public static Subnet externalSubnet(String name, String type, String cidr, String gw, boolean isDefault, List<String> exclude) {
        Subnet s = new Subnet();
        Map<String, String> labels = new HashMap<>();
        labels.put(Labels.EXTERNAL_NETWORK_TYPE, type);
        if (isDefault) {
            labels.put(Labels.DEFAULT_EXTERNAL, "true");
        }
        s.setMetadata(new ObjectMetaBuilder().withName(name).withLabels(labels).build());
        s.setSpec(new Subnet.Spec("ovn-cluster", "IPv4", null, cidr, gw, exclude, "ovn", false, false, "vlan4011", 1400));
        return s;
    }

    public static EIp eipWithAddress(String ns, String name, String address) {
        EIp e = new EIp();
        e.setMetadata(new ObjectMeta());
        e.getMetadata().setNamespace(ns);
        e.getMetadata().setName(name);
        e.setSpec(new EIpSpec());
        EIpStatus st = new EIpStatus();
        st.setIpAddress(address);
        st.setReady(true);
        e.setStatus(st);
        return e;
    }
}
