package com.kubedc.net.common;

import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Ownership through labels: Kube-OVN objects are cluster-scoped and cannot carry an
 * ownerReference to a namespaced primary, so every child says who made it in labels.
 */
public final class Owners {
    private Owners() {}

    /** The labels every child of {@code owner} carries. */
    public static Map<String, String> labels(HasMetadata owner) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put(Keys.MANAGED_BY, Keys.MANAGED_BY_VALUE);
        l.put(Keys.OWNER_KIND, owner.getKind());
        l.put(Keys.OWNER_NAMESPACE, owner.getMetadata().getNamespace());
        l.put(Keys.OWNER_NAME, owner.getMetadata().getName());
        return l;
    }

    /** True when {@code child} was made for {@code owner} (kind, namespace and name; any uid). */
    public static boolean ownedBy(HasMetadata child, HasMetadata owner) {
        Map<String, String> l = child.getMetadata().getLabels();
        return l != null
                && Objects.equals(l.get(Keys.OWNER_KIND), owner.getKind())
                && Objects.equals(
                        l.get(Keys.OWNER_NAMESPACE), owner.getMetadata().getNamespace())
                && Objects.equals(l.get(Keys.OWNER_NAME), owner.getMetadata().getName());
    }

    /** True when {@code child} names some owner of kind {@code kind}. */
    public static boolean hasOwnerOfKind(HasMetadata child, String kind) {
        Map<String, String> l = child.getMetadata().getLabels();
        return l != null && kind.equals(l.get(Keys.OWNER_KIND));
    }
}
