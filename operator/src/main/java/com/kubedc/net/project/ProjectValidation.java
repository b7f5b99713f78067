package com.kubedc.net.project;

import com.kubedc.net.api.v1.NetworkType;
import com.kubedc.net.api.v1.Project;
import com.kubedc.net.common.Owners;
import com.kubedc.net.network.Cidr;
import com.kubedc.net.network.ExternalNetwork;
import com.kubedc.net.network.Ip;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks a Project's input before anything is written; bad input yields a {@link Problem}, never a partial write. */
public final class ProjectValidation {
    private ProjectValidation() {}

    /** Either a {@link Problem} or a {@link Plan}. */
    public sealed interface Result permits Bad, Good {}

    public record Bad(Problem problem) implements Result {}

    public record Good(Plan plan) implements Result {}

    public static Result validate(ProjectInputs in, ProjectSettings settings) {
        Project p = in.project();
        String ns = Names.projectNamespace(in.org(), in.name());
        if (in.namespace() != null && !ownsNamespace(in)) {
            return bad(
                    Reasons.NAMESPACE_CONFLICT,
                    "namespace " + ns + " belongs to "
                            + describeOwner(in.namespace().getMetadata().getAnnotations()) + ", not to Project "
                            + Names.projectRef(in.org(), in.name()));
        }
        String typeValue = p.getSpec() == null ? null : p.getSpec().getEgressNetworkType();
        Optional<NetworkType> type = NetworkType.parse(typeValue);
        if (type.isEmpty()) {
            return bad(
                    Reasons.INVALID_EGRESS_TYPE,
                    "egressNetworkType " + quote(typeValue) + " is not one of public, cloud");
        }
        boolean provisioned = in.namespace() != null;
        if (type.get() == NetworkType.PUBLIC && !settings.allowPublicProjects() && !provisioned) {
            return bad(
                    Reasons.PUBLIC_NOT_ALLOWED,
                    "public projects are not allowed on this platform (allow-public-projects=false)");
        }
        String cidrValue = p.getSpec().getCidrBlock();
        Optional<Cidr> cidr = Cidr.parseNetwork(cidrValue);
        if (cidr.isEmpty()) {
            String why = Cidr.parse(cidrValue).isPresent()
                    ? " is not a network address (host bits set; did you mean "
                            + Cidr.parse(cidrValue).get() + "?)"
                    : " is not an IPv4 CIDR";
            return bad(Reasons.INVALID_CIDR, "cidrBlock " + quote(cidrValue) + why);
        }
        Optional<String> live = liveCidr(in);
        if (live.isPresent() && !Cidr.parse(live.get()).equals(cidr)) {
            return bad(
                    Reasons.CIDR_BLOCK_IMMUTABLE,
                    "cidrBlock " + cidr.get() + " differs from " + live.get() + " of Subnet "
                            + in.subnet().getMetadata().getName()
                            + ": Kube-OVN cannot re-address a subnet in use, so the network keeps "
                            + live.get() + "; set cidrBlock back to " + live.get()
                            + ", or delete the Project and create it with the new block");
        }
        Optional<ExternalNetwork> overlap = in.networks().overlapping(cidr.get());
        if (overlap.isPresent()) {
            return bad(
                    Reasons.CIDR_OVERLAPS_EXTERNAL,
                    "cidrBlock " + cidr.get() + " overlaps external network "
                            + overlap.get().name() + " (" + overlap.get().cidr() + ")");
        }
        Optional<String> current = currentEgressNetwork(in);
        Optional<ExternalNetwork> egress;
        if (current.isPresent()) {
            egress = in.networks().byName(current.get()).filter(n -> n.type() == type.get());
            if (egress.isEmpty()) {
                return bad(
                        Reasons.EXTERNAL_NETWORK_GONE,
                        "external network " + current.get() + " of this project's gateway is no longer a " + type.get()
                                + " external network");
            }
        } else {
            egress = in.networks().egressFor(type.get());
            if (egress.isEmpty()) {
                return bad(
                        Reasons.NO_EXTERNAL_NETWORK,
                        "no external network of type " + type.get() + " (a Subnet labelled "
                                + Keys.EXTERNAL_NETWORK_TYPE + "=" + type.get() + ")");
            }
        }
        String gwLanIp = p.getSpec().getGwLanIp();
        if (gwLanIp != null
                && !gwLanIp.isBlank()
                && Ip.parse(gwLanIp).filter(a -> cidr.get().contains(a)).isEmpty()) {
            return bad(
                    Reasons.INVALID_GW_LAN_IP, "gwLanIp " + quote(gwLanIp) + " is not an address inside " + cidr.get());
        }
        Map<String, String> ann = p.getMetadata().getAnnotations() == null
                ? Map.of()
                : p.getMetadata().getAnnotations();
        List<String> egressAllow = new ArrayList<>(settings.egressGlobalAllowlist());
        List<String> egressAnn = Allowlist.split(ann.get(Keys.EGRESS_ALLOWLIST));
        List<String> ingressAllow = new ArrayList<>(settings.ingressGlobalAllowlist());
        List<String> ingressAnn = Allowlist.split(ann.get(Keys.INGRESS_ALLOWLIST));
        for (var e :
                List.of(Map.entry(Keys.EGRESS_ALLOWLIST, egressAnn), Map.entry(Keys.INGRESS_ALLOWLIST, ingressAnn))) {
            Optional<String> invalid = Allowlist.firstInvalid(e.getValue());
            if (invalid.isPresent()) {
                return bad(
                        Reasons.INVALID_ALLOWLIST,
                        "annotation " + e.getKey() + " entry " + quote(invalid.get())
                                + " is not an IPv4 address or CIDR");
            }
        }
        egressAllow.addAll(egressAnn);
        ingressAllow.addAll(ingressAnn);
        for (var eip : in.eips()) {
            String addr = eip.getStatus() == null ? null : eip.getStatus().getIpAddress();
            if (addr != null && Ip.isValid(addr)) {
                egressAllow.add(addr);
            }
        }
        return new Good(new Plan(ns, cidr.get(), egress.get(), egressAllow, ingressAllow));
    }

    /** The namespace carries this Project's annotation. */
    static boolean ownsNamespace(ProjectInputs in) {
        Map<String, String> ann = in.namespace().getMetadata().getAnnotations();
        return ann != null && Names.projectRef(in.org(), in.name()).equals(ann.get(Keys.PROJECT));
    }

    /**
     * The cidrBlock of the Subnet this Project already has, if any: once the network exists its
     * block is fixed. The Subnet counts with or without our labels (upstream's manager made it
     * without them; the namespace is already known to be this Project's, and apply would take it
     * over). The CRD has no CEL rule for the block (upstream's has none, and a Project refused
     * for a bad block must stay fixable), so the controller holds the line.
     */
    static Optional<String> liveCidr(ProjectInputs in) {
        return Optional.ofNullable(in.subnet())
                .map(com.kubedc.net.thirdparty.kubeovn.Subnet::getSpec)
                .map(com.kubedc.net.thirdparty.kubeovn.Subnet.Spec::cidrBlock);
    }

    /** The external network of the gateway OvnEip this Project already has, if any (the choice is sticky). */
    static Optional<String> currentEgressNetwork(ProjectInputs in) {
        return in.gatewayOvnEips().stream()
                .filter(e -> Owners.ownedBy(e, in.project()))
                .filter(e -> e.getSpec() != null && e.getSpec().externalSubnet() != null)
                .map(OvnEip::getSpec)
                .map(OvnEip.Spec::externalSubnet)
                .sorted()
                .findFirst();
    }

    static String describeOwner(Map<String, String> ann) {
        String owner = ann == null ? null : ann.get(Keys.PROJECT);
        return owner == null ? "no Project (annotation " + Keys.PROJECT + " missing)" : "Project " + owner;
    }

    static String quote(String s) {
        return s == null ? "<unset>" : "\"" + s + "\"";
    }

    static Bad bad(String reason, String message) {
        return new Bad(new Problem(reason, message));
    }
}
