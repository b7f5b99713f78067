package com.kubedc.net.thirdparty.certmanager;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.List;

/** cert-manager {@code Certificate}: the fields we write (secret, names, issuer) and read (Ready). */
@Group("cert-manager.io")
@Version("v1")
@Plural("certificates")
public class Certificate extends CustomResource<Certificate.Spec, Certificate.Status> implements Namespaced {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Spec(String secretName, List<String> dnsNames, IssuerRef issuerRef) {}

    /** {@code Kind/name} of an Issuer (namespaced) or ClusterIssuer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IssuerRef(String name, String kind, String group) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(List<Condition> conditions) {}
}
