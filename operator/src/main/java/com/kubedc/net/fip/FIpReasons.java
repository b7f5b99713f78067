package com.kubedc.net.fip;

/** Condition reasons of an FIp. */
public final class FIpReasons {
    public static final String READY = "Ready";
    public static final String INVALID_SPEC = "InvalidSpec";
    public static final String INVALID_REFERENCE = "InvalidReference";
    public static final String INVALID_IP_ADDRESS = "InvalidIpAddress";
    public static final String TARGET_OUTSIDE_SUBNET = "TargetOutsideSubnet";
    public static final String VM_NOT_FOUND = "VmNotFound";
    public static final String INTERFACE_NOT_READY = "InterfaceNotReady";
    public static final String EIP_NOT_FOUND = "EIpNotFound";
    public static final String EIP_CONFLICT = "EIpConflict";
    public static final String NAME_CONFLICT = "NameConflict";
    public static final String NOT_A_PROJECT_NAMESPACE =
            com.kubedc.net.common.ProjectNamespaces.NOT_A_PROJECT_NAMESPACE;
    public static final String WAITING_FOR_NAMESPACE = com.kubedc.net.common.ProjectNamespaces.WAITING_FOR_NAMESPACE;
    public static final String WAITING_FOR_EIP = "WaitingForEIp";
    public static final String WAITING_FOR_NAT = "WaitingForNat";

    private FIpReasons() {}
}
