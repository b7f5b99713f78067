package com.kubedc.net.ovn;

import java.util.Map;

/** One OVN NB {@code Load_Balancer} row as we want it: name, protocol, VIPs and owner tags. */
public record LbRow(String name, String protocol, Map<String, String> vips, Map<String, String> externalIds) {
    /** {@code external_ids} key holding {@code <namespace>/<service>}: how orphans are found. */
    public static final String OWNER = "kube-dc.com/owner";

    public static final String OWNER_UID = "kube-dc.com/owner-uid";
    public static final String MANAGED_BY = "kube-dc.com/managed-by";
    public static final String MANAGED_BY_VALUE = "kube-dc-net";
}
