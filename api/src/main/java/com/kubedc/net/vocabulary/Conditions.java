package com.kubedc.net.vocabulary;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds condition lists by Kubernetes API conventions: lastTransitionTime moves only when the
 * status changes; the list is sorted by type so a no-op reconcile produces an identical list.
 */
public final class Conditions {
    public static final String READY = "Ready";
    public static final String TRUE = "True";
    public static final String FALSE = "False";
    public static final String UNKNOWN = "Unknown";

    private final List<Condition> previous;
    private final List<Condition> next = new ArrayList<>();
    /** Null for kinds the API server keeps no generation for (Services): the field is then left out, as the server stores it. */
    private final Long generation;

    private final Clock clock;

    public Conditions(List<Condition> previous, Long generation, Clock clock) {
        this.previous = previous == null ? List.of() : previous;
        this.generation = generation;
        this.clock = clock;
    }

    public Conditions set(String type, boolean status, String reason, String message) {
        return set(type, status ? TRUE : FALSE, reason, message);
    }

    public Conditions set(String type, String status, String reason, String message) {
        next.removeIf(c -> c.getType().equals(type));
        Optional<Condition> old = find(previous, type);
        String since = old.filter(c -> c.getStatus().equals(status))
                .map(Condition::getLastTransitionTime)
                .orElseGet(
                        () -> Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
        Condition c = new Condition();
        c.setType(type);
        c.setStatus(status);
        c.setReason(reason);
        c.setMessage(message == null ? "" : message);
        c.setObservedGeneration(generation);
        c.setLastTransitionTime(since);
        next.add(c);
        return this;
    }

    public List<Condition> build() {
        List<Condition> out = new ArrayList<>(next);
        out.sort(Comparator.comparing(Condition::getType));
        return out;
    }

    public static Optional<Condition> find(List<Condition> conditions, String type) {
        if (conditions == null) {
            return Optional.empty();
        }
        return conditions.stream()
                .filter(c -> Objects.equals(c.getType(), type))
                .findFirst();
    }

    public static boolean isTrue(List<Condition> conditions, String type) {
        return find(conditions, type).map(c -> TRUE.equals(c.getStatus())).orElse(false);
    }

    public static String reason(List<Condition> conditions, String type) {
        return find(conditions, type).map(Condition::getReason).orElse(null);
    }

    /**
     * {@code all} with one writer's condition set in place (see {@link #replace}): its
     * lastTransitionTime carried over from the previous one of that type while the status holds.
     */
    public static List<Condition> put(
            List<Condition> all,
            Long generation,
            Clock clock,
            String type,
            boolean status,
            String reason,
            String message) {
        List<Condition> mine = find(all, type).map(List::of).orElse(List.of());
        return replace(
                all,
                type,
                new Conditions(mine, generation, clock)
                        .set(type, status, reason, message)
                        .build()
                        .get(0));
    }

    /**
     * {@code all} with the condition of {@code type} replaced in place by {@code ours} (removed when
     * null, appended when new). Other writers' conditions keep their places: two controllers
     * sharing one list never reorder it against each other.
     */
    public static List<Condition> replace(List<Condition> all, String type, Condition ours) {
        List<Condition> out = new ArrayList<>();
        boolean placed = false;
        for (Condition c : all == null ? List.<Condition>of() : all) {
            if (!Objects.equals(c.getType(), type)) {
                out.add(c);
            } else if (ours != null && !placed) {
                out.add(ours);
                placed = true;
            }
        }
        if (ours != null && !placed) {
            out.add(ours);
        }
        return out;
    }

    /**
     * {@code next} (built against an earlier read) rebuilt against {@code previous}, the conditions
     * of a newer read: the same types, statuses, reasons and messages, each lastTransitionTime
     * carried over from {@code previous} while the status holds, else now.
     */
    public static List<Condition> rebase(List<Condition> next, List<Condition> previous, Long generation, Clock clock) {
        Conditions c = new Conditions(previous, generation, clock);
        (next == null ? List.<Condition>of() : next)
                .forEach(x -> c.set(x.getType(), x.getStatus(), x.getReason(), x.getMessage()));
        return c.build();
    }
}
