package com.kubedc.net.thirdparty.kubeovn;

/** Constants of Kube-OVN's {@code kubeovn.io/v1} API. */
public final class KubeOvn {
    public static final String GROUP = "kubeovn.io";
    public static final String VERSION = "v1";
    /** The finalizer kube-ovn-controller puts on the objects it programs into OVN. */
    public static final String FINALIZER = "kubeovn.io/kube-ovn-controller";

    public static final String EIP_TYPE_LRP = "lrp";
    public static final String EIP_TYPE_NAT = "nat";
    public static final String POLICY_DST = "policyDst";
    public static final String ACTION_ALLOW = "allow";
    public static final String ACTION_DROP = "drop";
    public static final String ACTION_REROUTE = "reroute";

    private KubeOvn() {}
}
