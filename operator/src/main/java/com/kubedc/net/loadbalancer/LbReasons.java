package com.kubedc.net.loadbalancer;

import com.kubedc.net.vocabulary.Keys;

/** Condition types and reasons on a LoadBalancer Service's {@code status.conditions}. */
public final class LbReasons {
    /** Condition type of the aggregate; reasons below. */
    public static final String LOAD_BALANCER_READY = Keys.LOAD_BALANCER_READY;

    public static final String PROGRAMMED = "Programmed";
    public static final String EIP_NOT_FOUND = "EIpNotFound";
    public static final String EIP_NOT_READY = "EIpNotReady";
    public static final String WAITING_FOR_EIP = "WaitingForEIp";
    public static final String EIP_CONFLICT = "EIpConflict";
    public static final String NAME_CONFLICT = "NameConflict";
    public static final String PORT_CONFLICT = "PortConflict";
    public static final String INVALID_NETWORK_TYPE = "InvalidNetworkType";
    public static final String WAITING_FOR_OVN = "WaitingForOvn";
    public static final String OVN_NOT_CONFIGURED = "OvnNotConfigured";
    public static final String NOT_A_PROJECT_NAMESPACE =
            com.kubedc.net.common.ProjectNamespaces.NOT_A_PROJECT_NAMESPACE;

    private LbReasons() {}

    /** Reasons that are the user's to fix: a Warning event when they appear. */
    static boolean isUserError(String reason) {
        return switch (reason) {
            case EIP_NOT_FOUND,
                    EIP_NOT_READY,
                    EIP_CONFLICT,
                    NAME_CONFLICT,
                    PORT_CONFLICT,
                    INVALID_NETWORK_TYPE,
                    OVN_NOT_CONFIGURED,
                    NOT_A_PROJECT_NAMESPACE -> true;
            default -> false;
        };
    }
}
