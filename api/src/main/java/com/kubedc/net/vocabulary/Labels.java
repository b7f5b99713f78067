package com.kubedc.net.common;

/** Label and annotation keys, read and written. */
public final class Labels {
    /** On every object we create; value {@link #MANAGED_BY_VALUE}. */
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY_VALUE = "kube-dc-net";
    /** Owner of a child: namespace and name of the Project (or EIp/FIp/Service) that made it. */
    public static final String OWNER_NAMESPACE = "kube-dc.com/owner-namespace";
    public static final String OWNER_NAME = "kube-dc.com/owner-name";
    public static final String OWNER_KIND = "kube-dc.com/owner-kind";
    public static final String OWNER_UID = "kube-dc.com/owner-uid";

    /** Project namespace: label {@code ""}, annotation {@code <org>/<project>}. */
    public static final String PROJECT = "kube-dc.com/project";

    /** External networks are Subnets with this label ({@code cloud} or {@code public}). */
    public static final String EXTERNAL_NETWORK_TYPE = "network.kube-dc.com/external-network-type";
    /** The default external network also has this label, {@code "true"}. */
    public static final String DEFAULT_EXTERNAL = "network.kube-dc.com/default-external";
    /** On an OvnEip we made for an EIp: {@code <namespace>.<eip>}. */
    public static final String EIP = "network.kube-dc.com/eip";
    public static final String EIP_CREATED_BY = "kube-dc.com/ovn-eip-created-by-eip";

    /** Project annotations: comma-separated IPs/CIDRs. */
    public static final String EGRESS_ALLOWLIST = "network.kube-dc.com/egress-allowlist";
    public static final String INGRESS_ALLOWLIST = "network.kube-dc.com/ingress-allowlist";

    /**
     * On a Service or FIp whose own EIp upstream's manager made under a random name ({@code slb-<svc>-xxxxx},
     * {@code fip-<fip>-xxxxx}): that name, written once when it is adopted.
     */
    public static final String ADOPTED_EIP = "kube-dc.com/adopted-eip";

    public static final String PROJECT_FINALIZER = "project.kube-dc.com/finalizer";
    public static final String EIP_FINALIZER = "eip.kube-dc.com/finalizer";

    private Labels() {
    }

    private static final java.util.regex.Pattern VALUE = java.util.regex.Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");

    /** True when {@code value} may be a label value (at most 63 characters, alphanumerics at both ends, then -_.). */
    public static boolean validValue(String value) {
        return value != null && value.length() <= 63 && VALUE.matcher(value).matches();
    }
}
