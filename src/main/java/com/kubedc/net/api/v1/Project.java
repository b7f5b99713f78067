package com.kubedc.net.api.v1;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** A tenant project: gets its own namespace, VPC, subnet, default gateway EIP and SNAT. */
@Group(Project.GROUP)
@Version(Project.VERSION)
@Plural("projects")
@Singular("project")
public class Project extends CustomResource<ProjectSpec, ProjectStatus> implements Namespaced {
    public static final String GROUP = "kube-dc.com";
    public static final String VERSION = "v1";
}
