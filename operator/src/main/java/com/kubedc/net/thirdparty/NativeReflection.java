package com.kubedc.net.thirdparty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What our kinds hold (specs, statuses and the records inside them), (de)serialised by Jackson:
 * a native image keeps their constructors and accessors only when registered. The kinds themselves
 * are registered by the Kubernetes client extension.
 */
@RegisterForReflection(
        targets = {
            com.kubedc.net.thirdparty.certmanager.Certificate.Spec.class,
            com.kubedc.net.thirdparty.certmanager.Certificate.IssuerRef.class,
            com.kubedc.net.thirdparty.certmanager.Certificate.Status.class,
            com.kubedc.net.thirdparty.cni.NetworkAttachmentDefinition.Spec.class,
            com.kubedc.net.thirdparty.envoy.Backend.Spec.class,
            com.kubedc.net.thirdparty.envoy.Backend.Endpoint.class,
            com.kubedc.net.thirdparty.envoy.Backend.Ip.class,
            com.kubedc.net.thirdparty.kubeovn.OvnEip.Spec.class,
            com.kubedc.net.thirdparty.kubeovn.OvnEip.Status.class,
            com.kubedc.net.thirdparty.kubeovn.OvnFip.Spec.class,
            com.kubedc.net.thirdparty.kubeovn.OvnFip.Status.class,
            com.kubedc.net.thirdparty.kubeovn.OvnSnatRule.Spec.class,
            com.kubedc.net.thirdparty.kubeovn.OvnSnatRule.Status.class,
            com.kubedc.net.thirdparty.kubeovn.Subnet.Spec.class,
            com.kubedc.net.thirdparty.kubeovn.Subnet.Status.class,
            com.kubedc.net.thirdparty.kubeovn.Vpc.Spec.class,
            com.kubedc.net.thirdparty.kubeovn.Vpc.StaticRoute.class,
            com.kubedc.net.thirdparty.kubeovn.Vpc.PolicyRoute.class,
            com.kubedc.net.thirdparty.kubeovn.Vpc.Status.class,
            com.kubedc.net.thirdparty.kubeovn.VpcDns.Spec.class,
            com.kubedc.net.thirdparty.kubeovn.VpcDns.Status.class,
            com.kubedc.net.thirdparty.kubevirt.VirtualMachineInstance.Status.class,
            com.kubedc.net.thirdparty.kubevirt.VirtualMachineInstance.Interface.class,
            com.kubedc.net.api.v1.EIpSpec.class,
            com.kubedc.net.api.v1.EIpStatus.class,
            com.kubedc.net.api.v1.EIpOwner.class,
            com.kubedc.net.api.v1.FIpSpec.class,
            com.kubedc.net.api.v1.FIpStatus.class,
            com.kubedc.net.api.v1.ProjectSpec.class,
            com.kubedc.net.api.v1.ProjectStatus.class,
            com.kubedc.net.api.v1.ProjectSecurity.class,
            com.kubedc.net.api.v1.ProjectSecurity.Service.class,
            com.kubedc.net.api.v1.QuotaUsage.class,
            com.kubedc.net.api.v1.QuotaUsage.Amount.class,
            com.kubedc.net.api.v1.QuotaUsage.CpuBreakdown.class,
            com.kubedc.net.api.v1.QuotaUsage.Accelerator.class,
            com.kubedc.net.api.v1.TargetVmInterface.class,
            com.kubedc.net.api.v1.VmTarget.class
        })
public final class NativeReflection {
    private NativeReflection() {}
}
