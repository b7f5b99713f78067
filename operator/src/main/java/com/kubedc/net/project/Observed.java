package com.kubedc.net.project;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.thirdparty.cni.NetworkAttachmentDefinition;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.thirdparty.kubeovn.OvnSnatRule;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
import com.kubedc.net.thirdparty.kubeovn.Vpc;

/** The children of a Project as they are after this reconcile's writes (any may be null while missing). */
public record Observed(
        Vpc vpc,
        Subnet subnet,
        NetworkAttachmentDefinition nad,
        OvnEip gatewayOvnEip,
        EIp defaultGw,
        OvnSnatRule snat) {}
