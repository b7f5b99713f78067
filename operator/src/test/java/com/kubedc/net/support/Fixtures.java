package com.kubedc.net.support;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.EIpSpec;
import com.kubedc.net.api.v1.EIpStatus;
import com.kubedc.net.api.v1.FIp;
import com.kubedc.net.api.v1.FIpSpec;
import com.kubedc.net.api.v1.Project;
import com.kubedc.net.api.v1.ProjectSpec;
import com.kubedc.net.testkit.SeedNetworks;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.HashMap;
import java.util.List;

/** Builders of test objects: the seed's external networks and Projects. */
public final class Fixtures {
    private Fixtures() {}

    public static Project project(String org, String name, String cidr, String egressType) {
        Project p = new Project();
        p.setMetadata(new ObjectMetaBuilder()
                .withNamespace(org)
                .withName(name)
                .withGeneration(1L)
                .withUid("uid-" + org + "-" + name)
                .withAnnotations(new HashMap<>())
                .build());
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

    public static Subnet extCloud() {
        return SeedNetworks.extCloud();
    }

    public static Subnet extPublic() {
        return SeedNetworks.extPublic();
    }

    /**
     * The suite's {@code ext-public}: the seed's gateway and exclusions, but a /24 (.51–.254), since
     * every test class shares one API server and the seed's /28 holds only 12 addresses.
     */
    public static Subnet suiteExtPublic() {
        return SeedNetworks.external(
                "ext-public",
                "public",
                "168.119.17.0/24",
                "168.119.17.49",
                false,
                List.of("168.119.17.1..168.119.17.50"));
    }

    public static Subnet externalSubnet(
            String name, String type, String cidr, String gw, boolean isDefault, List<String> exclude) {
        return SeedNetworks.external(name, type, cidr, gw, isDefault, exclude);
    }

    /** An EIp {@code ns/name} of the default network type. */
    public static EIp eip(String ns, String name) {
        EIp e = new EIp();
        e.setMetadata(new ObjectMetaBuilder().withNamespace(ns).withName(name).build());
        e.setSpec(new EIpSpec());
        return e;
    }

    /** An FIp {@code ns/name} for address {@code ip}, on EIp {@code eip} (null: one of its own). */
    public static FIp fip(String ns, String name, String eip, String ip) {
        FIp f = new FIp();
        f.setMetadata(new ObjectMetaBuilder().withNamespace(ns).withName(name).build());
        FIpSpec spec = new FIpSpec();
        spec.setEip(eip);
        spec.setIpAddress(ip);
        f.setSpec(spec);
        return f;
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
