package com.kubedc.net.api.v1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A tenant project: gets its own namespace, VPC, subnet, default gateway EIP and SNAT. Upstream's
 * CRD has no printer columns; ours are additions (Egress and Gateway IP with {@code -o wide}).
 */
@Group(Project.GROUP)
@Version(Project.VERSION)
@Plural("projects")
@Singular("project")
@AdditionalPrinterColumn(
        name = "Ready",
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Project Namespace",
        jsonPath = ".status.namespace",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Egress",
        jsonPath = ".spec.egressNetworkType",
        type = AdditionalPrinterColumn.Type.STRING,
        priority = 1)
@AdditionalPrinterColumn(
        name = "Gateway IP",
        jsonPath = ".status.gatewayIP",
        type = AdditionalPrinterColumn.Type.STRING,
        priority = 1)
@AdditionalPrinterColumn(
        name = "Age",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class Project extends CustomResource<ProjectSpec, ProjectStatus> implements Namespaced {
    public static final String GROUP = "kube-dc.com";
    public static final String VERSION = "v1";
}
