package com.kubedc.net.network;

import com.kubedc.net.api.v1.NetworkType;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
import com.kubedc.net.vocabulary.Keys;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The external networks of the cluster, discovered from labelled Subnets; pure and immutable. */
public record ExternalNetworks(List<ExternalNetwork> all) {

    /** Reads every Subnet labelled as external network; unlabelled or malformed Subnets are ignored. */
    public static ExternalNetworks from(Collection<Subnet> subnets) {
        List<ExternalNetwork> nets = subnets.stream()
                .filter(s -> s.getMetadata().getDeletionTimestamp() == null)
                .map(ExternalNetworks::toNetwork)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(ExternalNetwork::name))
                .toList();
        return new ExternalNetworks(nets);
    }

    static Optional<ExternalNetwork> toNetwork(Subnet s) {
        Map<String, String> labels = s.getMetadata().getLabels();
        if (labels == null || s.getSpec() == null) {
            return Optional.empty();
        }
        Optional<NetworkType> type = NetworkType.parse(labels.get(Keys.EXTERNAL_NETWORK_TYPE));
        Optional<Cidr> cidr = Cidr.parseNetwork(s.getSpec().cidrBlock());
        if (type.isEmpty() || cidr.isEmpty()) {
            return Optional.empty();
        }
        String gw = s.getSpec().gateway();
        if (gw == null || gw.isBlank()) {
            gw = cidr.get().firstHost();
        }
        boolean isDefault = "true".equals(labels.get(Keys.DEFAULT_EXTERNAL));
        return Optional.of(new ExternalNetwork(s.getMetadata().getName(), type.get(), cidr.get(), gw, isDefault));
    }

    /** The network labelled default-external (the alphabetically first if several are). */
    public Optional<ExternalNetwork> defaultNetwork() {
        return all.stream().filter(ExternalNetwork::isDefault).findFirst();
    }

    public Optional<ExternalNetwork> byName(String name) {
        return all.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public List<ExternalNetwork> ofType(NetworkType type) {
        return all.stream().filter(n -> n.type() == type).toList();
    }

    /**
     * The egress network of a project of {@code type}: the default external network when it has
     * that type, else the canonical {@code ext-<type>}, else the first of that type by name.
     */
    public Optional<ExternalNetwork> egressFor(NetworkType type) {
        Optional<ExternalNetwork> def = defaultNetwork().filter(n -> n.type() == type);
        if (def.isPresent()) {
            return def;
        }
        Optional<ExternalNetwork> canonical = byName("ext-" + type.value()).filter(n -> n.type() == type);
        return canonical.isPresent() ? canonical : ofType(type).stream().findFirst();
    }

    /** The first external network whose CIDR overlaps {@code cidr}. */
    public Optional<ExternalNetwork> overlapping(Cidr cidr) {
        return all.stream().filter(n -> n.cidr().overlaps(cidr)).findFirst();
    }
}
