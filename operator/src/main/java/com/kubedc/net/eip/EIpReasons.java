package com.kubedc.net.eip;

/** Condition reasons of an EIp. */
public final class EIpReasons {
    public static final String READY = "Ready";
    public static final String WAITING_FOR_OVN_EIP = "WaitingForOvnEip";
    public static final String WAITING_FOR_ADDRESS = "WaitingForAddress";
    public static final String NO_ADDRESS_AVAILABLE = "NoAddressAvailable";
    public static final String INVALID_NETWORK_TYPE = "InvalidNetworkType";
    public static final String NOT_A_PROJECT_NAMESPACE =
            com.kubedc.net.common.ProjectNamespaces.NOT_A_PROJECT_NAMESPACE;
    public static final String WAITING_FOR_NAMESPACE = com.kubedc.net.common.ProjectNamespaces.WAITING_FOR_NAMESPACE;
    public static final String RELEASING = "Releasing";
    /** Condition type and reason while a deletion waits for the EIp's users. */
    public static final String IN_USE = "InUse";

    private EIpReasons() {}
}
