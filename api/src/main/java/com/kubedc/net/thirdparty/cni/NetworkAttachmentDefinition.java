package com.kubedc.net.thirdparty.cni;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** Multus NetworkAttachmentDefinition: {@code spec.config} is a CNI config as a JSON string. */
@Group("k8s.cni.cncf.io")
@Version("v1")
@Plural("network-attachment-definitions")
public class NetworkAttachmentDefinition extends CustomResource<NetworkAttachmentDefinition.Spec, Void>
        implements Namespaced {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Spec(String config) {}
}
