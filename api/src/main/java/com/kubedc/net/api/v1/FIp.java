package com.kubedc.net.api.v1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** A floating IP: maps an EIp 1:1 onto an internal VM or pod address. */
@Group(Project.GROUP)
@Version(Project.VERSION)
@Plural("fips")
@Singular("fip")
@AdditionalPrinterColumn(
        name = "Target IP",
        jsonPath = ".status.resolvedTargetIP",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "External IP",
        jsonPath = ".status.externalIP",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "VM",
        jsonPath = ".status.targetVMInterface.vmName",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Interface",
        jsonPath = ".status.targetVMInterface.interfaceName",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.ready", type = AdditionalPrinterColumn.Type.BOOLEAN)
public class FIp extends CustomResource<FIpSpec, FIpStatus> implements Namespaced {}
