package com.kubedc.net.common;

import com.kubedc.net.vocabulary.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A condition list several controllers write (a Service's): each owns its types. What one writer
 * shows is its types alone; what it writes is the list as read with only its types replaced, so
 * another writer's entries are kept (the write is guarded by the version it was read at). Pure.
 */
public final class SharedConditions {
    private SharedConditions() {}

    /** The conditions of {@code types} in {@code all}, sorted by type. */
    public static List<Condition> mine(List<Condition> all, Set<String> types) {
        List<Condition> out = new ArrayList<>();
        (all == null ? List.<Condition>of() : all)
                .stream().filter(c -> types.contains(c.getType())).forEach(out::add);
        out.sort(Comparator.comparing(Condition::getType));
        return out;
    }

    /** {@code all} with the conditions of {@code types} replaced by {@code ours}: others keep their places, ours keep theirs or are appended. */
    public static List<Condition> merge(List<Condition> all, Set<String> types, List<Condition> ours) {
        List<Condition> out = all == null ? List.of() : all;
        for (String type : types) {
            out = Conditions.replace(out, type, Conditions.find(ours, type).orElse(null));
        }
        return out;
    }
}
