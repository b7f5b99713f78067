package com.kubedc.net.fip;

import com.kubedc.net.api.v1.FIpSpec;
import com.kubedc.net.api.v1.NetworkType;
import com.kubedc.net.network.Cidr;
import com.kubedc.net.network.Ip;
import java.util.Optional;

/**
 * Checks an FIp spec before anything is written: the CRD's CEL rules again (a CRD installed without
 * them must not let a bad FIp through), same-namespace references, a valid target inside the
 * project subnet. Pure.
 */
public final class FIpValidation {
    private FIpValidation() {}

    /** A failed check: reason and message. */
    public record Problem(String reason, String message) {}

    /** @param projectCidr the project subnet's CIDR, or null while unknown (no check then) */
    public static Optional<Problem> check(FIpSpec spec, String projectCidr) {
        if (spec == null) {
            return bad(FIpReasons.INVALID_SPEC, "spec is missing");
        }
        boolean hasEip = notBlank(spec.getEip());
        boolean hasType = notBlank(spec.getExternalNetworkType());
        boolean hasIp = notBlank(spec.getIpAddress());
        boolean hasVm = spec.getVmTarget() != null;
        if (hasEip && hasType) {
            return bad(FIpReasons.INVALID_SPEC, "eip and externalNetworkType cannot be set at the same time");
        }
        if (hasIp && hasVm) {
            return bad(FIpReasons.INVALID_SPEC, "ipAddress and vmTarget cannot be set at the same time");
        }
        if (!hasIp && !hasVm) {
            return bad(FIpReasons.INVALID_SPEC, "either ipAddress or vmTarget must be specified");
        }
        if (hasType && NetworkType.parse(spec.getExternalNetworkType()).isEmpty()) {
            return bad(
                    FIpReasons.INVALID_SPEC,
                    "externalNetworkType \"" + spec.getExternalNetworkType() + "\" is not one of public, cloud");
        }
        if (hasEip && spec.getEip().contains("/")) {
            return bad(
                    FIpReasons.INVALID_REFERENCE,
                    "eip \"" + spec.getEip() + "\" must name an EIp in the FIp's own namespace");
        }
        if (hasVm
                && (!notBlank(spec.getVmTarget().getVmName())
                        || spec.getVmTarget().getVmName().contains("/"))) {
            return bad(FIpReasons.INVALID_REFERENCE, "vmTarget.vmName must name a VM in the FIp's own namespace");
        }
        if (hasIp) {
            Optional<Long> ip = Ip.parse(spec.getIpAddress());
            if (ip.isEmpty()) {
                return bad(
                        FIpReasons.INVALID_IP_ADDRESS,
                        "ipAddress \"" + spec.getIpAddress() + "\" is not an IPv4 address");
            }
            Optional<Cidr> cidr = Cidr.parseNetwork(projectCidr);
            if (cidr.isPresent() && !cidr.get().contains(ip.get())) {
                return bad(
                        FIpReasons.TARGET_OUTSIDE_SUBNET,
                        "ipAddress " + spec.getIpAddress() + " is outside the project subnet " + cidr.get());
            }
        }
        return Optional.empty();
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    static Optional<Problem> bad(String reason, String message) {
        return Optional.of(new Problem(reason, message));
    }
}
