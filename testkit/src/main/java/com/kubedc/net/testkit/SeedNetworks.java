package com.kubedc.net.testkit;

import com.kubedc.net.thirdparty.kubeovn.Subnet;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The seed's external networks, as the platform installer declares them (the controller never creates them). */
public final class SeedNetworks {
    private SeedNetworks() {}

    /** {@code ext-cloud}: 100.65.0.0/16 via 100.65.0.1, the default external network; .1–.100 reserved. */
    public static Subnet extCloud() {
        return external("ext-cloud", "cloud", "100.65.0.0/16", "100.65.0.1", true, List.of("100.65.0.1..100.65.0.100"));
    }

    /** {@code ext-public}: 168.119.17.48/28 via 168.119.17.49, excluding .49–.50. */
    public static Subnet extPublic() {
        return external(
                "ext-public",
                "public",
                "168.119.17.48/28",
                "168.119.17.49",
                false,
                List.of("168.119.17.49..168.119.17.50"));
    }

    public static List<Subnet> all() {
        return List.of(extCloud(), extPublic());
    }

    public static Subnet external(
            String name, String type, String cidr, String gw, boolean isDefault, List<String> exclude) {
        Map<String, String> labels = new HashMap<>();
        labels.put(Keys.EXTERNAL_NETWORK_TYPE, type);
        if (isDefault) {
            labels.put(Keys.DEFAULT_EXTERNAL, "true");
        }
        Subnet s = new Subnet();
        s.setMetadata(new ObjectMetaBuilder().withName(name).withLabels(labels).build());
        s.setSpec(
                new Subnet.Spec("ovn-cluster", "IPv4", null, cidr, gw, exclude, "ovn", false, false, "vlan4011", 1400));
        return s;
    }
}
