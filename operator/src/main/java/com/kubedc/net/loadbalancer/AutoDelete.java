package com.kubedc.net.loadbalancer;

import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.ServiceAddresses;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * {@code service.nlb.kube-dc.com/autodelete: "true"} (spec §7.8, upstream's recovery switch): a
 * Service that stays without a ready endpoint for longer than the grace period is deleted. Only
 * the Service: an EIp it is bound to stays. Since when it has had none is kept in condition
 * {@link #CONDITION} (its lastTransitionTime), so a controller restart does not restart the clock.
 * Pure.
 */
public final class AutoDelete {
    /** Condition type, present only on Services that ask for autodelete: True while no endpoint is ready. */
    public static final String CONDITION = "kube-dc.com/AutoDelete";

    public static final String NO_READY_ENDPOINTS = "NoReadyEndpoints";
    public static final String HAS_READY_ENDPOINTS = "HasReadyEndpoints";
    /** Reason of the Warning event written just before the Service is deleted. */
    public static final String AUTO_DELETING = "AutoDeleting";

    private AutoDelete() {}

    /** What happens to the Service. */
    public interface Decision {}

    /** Not asked for: no condition, nothing happens. */
    public record Off() implements Decision {}

    /** It has ready endpoints: kept, and the clock is reset. */
    public record Keep() implements Decision {}

    /** No ready endpoint since {@code since}: deleted at {@code until} unless one becomes ready first. */
    public record Wait(Instant since, Instant until) implements Decision {}

    /** No ready endpoint since {@code since}, longer than the grace period: delete it now. */
    public record Delete(Instant since) implements Decision {}

    /**
     * @param since when the Service was first seen without a ready endpoint (null: it had some, or never was looked at)
     */
    public static Decision decide(boolean asked, boolean readyEndpoints, Instant since, Instant now, Duration grace) {
        if (!asked) {
            return new Off();
        }
        if (readyEndpoints) {
            return new Keep();
        }
        Instant from = since == null || since.isAfter(now) ? now : since;
        Instant until = from.plus(grace);
        return now.isBefore(until) ? new Wait(from, until) : new Delete(from);
    }

    /** The decision for {@code s} as its cache and status show it. */
    public static Decision decide(Service s, List<EndpointSlice> slices, Instant now, Duration grace) {
        return decide(asked(s), anyReady(slices), since(s), now, grace);
    }

    static boolean asked(Service s) {
        Map<String, String> a = s.getMetadata().getAnnotations();
        return a != null
                && "true".equalsIgnoreCase(a.getOrDefault(Keys.AUTODELETE, "").trim());
    }

    /** Ready endpoints of any address family (the rows only take IPv4 ones; a dual-stack Service with IPv6 pods is still served). */
    static boolean anyReady(List<EndpointSlice> slices) {
        return slices.stream()
                .anyMatch(sl -> !ServiceAddresses.readyAddresses(sl).isEmpty());
    }

    /** When the condition turned True (no ready endpoint); null if it is not True or unreadable. */
    static Instant since(Service s) {
        List<Condition> conditions =
                s.getStatus() == null ? null : s.getStatus().getConditions();
        return Conditions.find(conditions, CONDITION)
                .filter(c -> Conditions.TRUE.equals(c.getStatus()))
                .map(Condition::getLastTransitionTime)
                .map(AutoDelete::parse)
                .orElse(null);
    }

    private static Instant parse(String t) {
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Our condition for {@code d}, set in place in {@code all} (removed for {@link Off}). */
    static List<Condition> condition(List<Condition> all, Long generation, Decision d, Clock clock) {
        if (d instanceof Keep) {
            return Conditions.put(
                    all,
                    generation,
                    clock,
                    CONDITION,
                    false,
                    HAS_READY_ENDPOINTS,
                    "kept: the Service has ready endpoints");
        }
        // turning True, the condition's lastTransitionTime is exactly the decision's since, so the deadline it shows
        // does not drift
        if (d instanceof Wait w) {
            return Conditions.put(
                    all,
                    generation,
                    Clock.fixed(w.since(), ZoneOffset.UTC),
                    CONDITION,
                    true,
                    NO_READY_ENDPOINTS,
                    "no ready endpoint: the Service is deleted at " + w.until() + " unless one becomes ready");
        }
        if (d instanceof Delete del) {
            return Conditions.put(
                    all,
                    generation,
                    Clock.fixed(del.since(), ZoneOffset.UTC),
                    CONDITION,
                    true,
                    NO_READY_ENDPOINTS,
                    "no ready endpoint: deleting the Service");
        }
        return Conditions.replace(all, CONDITION, null);
    }
}
