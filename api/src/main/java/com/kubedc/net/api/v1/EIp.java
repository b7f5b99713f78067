package com.kubedc.net.api.v1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** An external IP address of a project, backed by a Kube-OVN OvnEip. */
@Group(Project.GROUP)
@Version(Project.VERSION)
@Plural("eips")
@Singular("eip")
@AdditionalPrinterColumn(
        name = "External IP",
        jsonPath = ".status.ipAddress",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.ready", type = AdditionalPrinterColumn.Type.BOOLEAN)
@AdditionalPrinterColumn(
        name = "Age",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(
        name = "Ownership",
        jsonPath = ".status.ownershipType",
        type = AdditionalPrinterColumn.Type.STRING)
public class EIp extends CustomResource<EIpSpec, EIpStatus> implements Namespaced {}
