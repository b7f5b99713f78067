package com.kubedc.net.project;

/** Condition types and CamelCase reasons of a Project (the user interface; tests assert them). */
public final class Reasons {
    // condition types
    public static final String INPUT_VALID = "InputValid";
    public static final String NETWORK_READY = "NetworkReady";
    public static final String GATEWAY_READY = "GatewayReady";
    public static final String TERMINATING = "Terminating";

    // bad input (InputValid=False); each comes with one Warning event
    public static final String INVALID_CIDR = "InvalidCidr";
    public static final String CIDR_BLOCK_IMMUTABLE = "CidrBlockImmutable";
    public static final String CIDR_OVERLAPS_EXTERNAL = "CidrOverlapsExternalNetwork";
    public static final String INVALID_EGRESS_TYPE = "InvalidEgressNetworkType";
    public static final String NO_EXTERNAL_NETWORK = "NoExternalNetwork";
    public static final String PUBLIC_NOT_ALLOWED = "PublicProjectsNotAllowed";
    public static final String NAMESPACE_CONFLICT = "NamespaceConflict";
    public static final String EXTERNAL_NETWORK_GONE = "ExternalNetworkGone";
    public static final String INVALID_ALLOWLIST = "InvalidAllowlist";
    public static final String INVALID_GW_LAN_IP = "InvalidGwLanIp";
    public static final String NAME_CONFLICT = "NameConflict";

    // progress
    public static final String VALID = "Valid";
    public static final String PROVISIONED = "Provisioned";
    public static final String WAITING_FOR_KUBE_OVN = "WaitingForKubeOvn";
    public static final String WAITING_FOR_ADDRESS = "WaitingForAddress";
    public static final String WAITING_FOR_SNAT = "WaitingForSnat";
    public static final String WAITING_FOR_EIP = "WaitingForEIp";
    public static final String READY = "Ready";
    public static final String DELETING = "Deleting";
    public static final String FORCED_FINALIZER_REMOVAL = "ForcedFinalizerRemoval";

    private Reasons() {}
}
