package com.kubedc.net.common;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kubedc.net.vocabulary.Json;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether an object found where we expect our child is ours, upstream's (to adopt), or someone
 * else's. Pure. Adoption is one write of our owner labels and nothing else, so an address, a
 * NAT rule or a spec made by the upstream manager stays exactly as it is.
 */
public final class Adoption {
    /** What to do with an observed object. */
    public enum Verdict {
        /** Nothing there. */
        ABSENT,
        /** It carries our owner labels for this owner. */
        OURS,
        /** Upstream's manager made it for this owner (its markers say so): add our labels, change nothing else. */
        ADOPT,
        /** Another owner's, or nobody's we can tell: leave it alone. */
        CONFLICT
    }

    /** The label keys that say who owns a child. */
    static final List<String> OWNER_KEYS = List.of(Keys.OWNER_KIND, Keys.OWNER_NAMESPACE, Keys.OWNER_NAME);

    private Adoption() {}

    /**
     * {@code observed} (null: absent) against the owner labels we would give it; {@code upstreamMarked}
     * says whether upstream's markers name the same owner. An object with owner labels of ours for
     * another owner is never adopted.
     */
    public static Verdict decide(HasMetadata observed, Map<String, String> ownerLabels, boolean upstreamMarked) {
        if (observed == null) {
            return Verdict.ABSENT;
        }
        Map<String, String> l = observed.getMetadata().getLabels() == null
                ? Map.of()
                : observed.getMetadata().getLabels();
        if (OWNER_KEYS.stream().allMatch(k -> Objects.equals(l.get(k), ownerLabels.get(k)))) {
            return Verdict.OURS;
        }
        if (OWNER_KEYS.stream().anyMatch(l::containsKey)) {
            return Verdict.CONFLICT;
        }
        return upstreamMarked ? Verdict.ADOPT : Verdict.CONFLICT;
    }

    /**
     * The JSON Patch that adopts {@code observed}: a resourceVersion guard, then our owner labels;
     * nothing else (its other labels, annotations and spec are untouched).
     */
    public static ArrayNode patch(HasMetadata observed, Map<String, String> ownerLabels) {
        ObjectNode fragment = Json.object();
        ObjectNode labels = fragment.putObject("metadata").putObject("labels");
        ownerLabels.forEach(labels::put);
        ArrayNode ops = JsonPatches.toContain(Json.tree(observed), fragment);
        if (!ops.isEmpty()) {
            JsonPatches.testResourceVersion(ops, observed.getMetadata().getResourceVersion());
        }
        return ops;
    }
}
