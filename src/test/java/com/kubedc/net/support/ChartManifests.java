package com.kubedc.net.support;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Helm chart's RBAC, ServiceAccount and admission-policy templates as a cluster gets them:
 * {@code .Release.Namespace} and the chart's {@code if .Values.app.<flag>} blocks are the only
 * template expressions these files use; any other expression fails loudly instead of being guessed.
 */
public final class ChartManifests {
    public static final Path TEMPLATES = Path.of("helm", "kube-dc-net", "templates");
    private static final Pattern IF = Pattern.compile("\\{\\{-? if \\.Values\\.app\\.(\\w+) -?}}(.*?)\\{\\{-? end -?}}", Pattern.DOTALL);

    private ChartManifests() {
    }

    /** The objects of template {@code file} rendered for {@code namespace} with boolean {@code flags}. */
    public static List<HasMetadata> render(KubernetesClient client, String file, String namespace, Map<String, Boolean> flags) {
        try {
            String text = Files.readString(TEMPLATES.resolve(file));
            Matcher m = IF.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(flags.getOrDefault(m.group(1), true) ? m.group(2) : ""));
            }
            m.appendTail(out);
            String yaml = out.toString().replace("{{ .Release.Namespace }}", namespace);
            if (yaml.contains("{{")) {
                throw new IllegalStateException(file + " uses a template expression this test renderer does not know: "
                        + yaml.substring(yaml.indexOf("{{"), Math.min(yaml.length(), yaml.indexOf("{{") + 60)));
            }
            return new ArrayList<>(client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
