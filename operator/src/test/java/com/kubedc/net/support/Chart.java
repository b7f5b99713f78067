package com.kubedc.net.support;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Helm chart as Helm renders it (helm-java: Helm's own Go library), for release
 * {@value #RELEASE} in namespace {@value #NAMESPACE} unless told otherwise.
 */
public final class Chart {
    public static final Path DIR = com.kubedc.net.testkit.Repo.path("helm", "kube-dc-net");
    public static final String RELEASE = "kube-dc-net";
    public static final String NAMESPACE = "kube-dc";
    /** The Kubernetes version `helm template` assumes (the test API server's). */
    public static final String KUBE_VERSION = "1.34.4";

    private Chart() {}

    /** The manifest text for {@code values} ({@code --set key=value} pairs). */
    public static String template(Map<String, ?> values) {
        return template(RELEASE, NAMESPACE, values);
    }

    /** The manifest text of release {@code release} in {@code namespace} for {@code values}. */
    public static String template(String release, String namespace, Map<String, ?> values) {
        TemplateCommand t = new Helm(DIR)
                .template()
                .withName(release)
                .withNamespace(namespace)
                .withKubeVersion(KUBE_VERSION);
        for (var e : values.entrySet()) {
            t = t.set(e.getKey(), e.getValue());
        }
        return t.call();
    }

    /** The objects rendered for {@code values}. */
    public static List<HasMetadata> render(Map<String, ?> values) {
        return parse(template(values));
    }

    /** The objects of a multi-document manifest. */
    public static List<HasMetadata> parse(String manifest) {
        List<HasMetadata> out = new ArrayList<>();
        for (String doc : manifest.split("(?m)^---\\s*$")) {
            if (doc.lines().anyMatch(l -> !l.isBlank() && !l.startsWith("#"))) {
                out.add(Serialization.unmarshal(doc, HasMetadata.class));
            }
        }
        return out;
    }

    /** The rendered objects of {@code kind}. */
    public static List<HasMetadata> ofKind(List<HasMetadata> objects, String... kinds) {
        List<String> wanted = List.of(kinds);
        return objects.stream().filter(o -> wanted.contains(o.getKind())).toList();
    }
}
