package com.kubedc.net.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.StandardHttpRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The renew deadline held against the renewals seen on the client: a fake clock, requests and responses made here, no timer. */
class LeaseWatchdogTest {
    static final String LEASE = "kube-dc-net-leader";
    static final String PATH = "/apis/coordination.k8s.io/v1/namespaces/kube-dc/leases/" + LEASE;

    final AtomicLong clock = new AtomicLong(1_000_000_000L);
    final List<String> done = new CopyOnWriteArrayList<>();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final LeadershipLoss loss = new LeadershipLoss(registry, code -> done.add("exit " + code), () -> done.add("stop"));
    final LeaseRenewals renewals = new LeaseRenewals(LEASE, clock::get);
    final LeaseWatchdog watchdog =
            new LeaseWatchdog(renewals, loss, null, registry, clock::get, Duration.ofSeconds(10));

    @Test
    void onlyWritesOfOurLeaseAreRenewals() {
        assertTrue(LeaseRenewals.isLeaseWrite("PUT", PATH, LEASE));
        assertTrue(LeaseRenewals.isLeaseWrite("PATCH", PATH, LEASE));
        assertFalse(LeaseRenewals.isLeaseWrite("GET", PATH, LEASE), "a read renews nothing");
        assertFalse(LeaseRenewals.isLeaseWrite("PUT", PATH + "-2", LEASE), "another lease");
        assertFalse(
                LeaseRenewals.isLeaseWrite("PUT", PATH.replace("kube-dc-net-leader", "x-kube-dc-net-leader"), LEASE));
        assertFalse(LeaseRenewals.isLeaseWrite("PUT", "/api/v1/namespaces/kube-dc/configmaps/" + LEASE, LEASE));
    }

    @Test
    void aRenewalCountsFromWhenItWasSentAndOnlyOnceTheServerAcceptedIt() {
        HttpRequest put = request("PUT", PATH);
        renewals.before(null, put, null);
        clock.addAndGet(Duration.ofMillis(300).toNanos());
        renewals.after(put, response(put, 409), null);
        assertEquals(OptionalLong.empty(), renewals.last(), "a refused write is no renewal");

        long sent = clock.get();
        renewals.before(null, put, null);
        clock.addAndGet(Duration.ofMillis(300).toNanos());
        renewals.after(put, response(put, 200), null);
        assertEquals(OptionalLong.of(sent), renewals.last());

        HttpRequest get = request("GET", PATH);
        renewals.before(null, get, null);
        renewals.after(get, response(get, 200), null);
        assertEquals(OptionalLong.of(sent), renewals.last(), "a read renews nothing");
    }

    @Test
    void aLeaderThatRenewsStaysAndOneWithoutARenewalPastTheDeadlineLosesTheLeaseOnce() {
        watchdog.startedLeading();
        for (int i = 0; i < 10; i++) { // renewed every 2 s for 20 s
            clock.addAndGet(Duration.ofSeconds(2).toNanos());
            renew(200);
            assertFalse(watchdog.check());
        }
        clock.addAndGet(Duration.ofSeconds(10).toNanos()); // exactly the deadline: still in time
        assertFalse(watchdog.check());
        assertEquals(10.0, age(), 1e-9);
        renew(500); // refused writes in between do not count
        clock.addAndGet(Duration.ofMillis(1).toNanos());

        assertTrue(watchdog.check());
        assertTrue(loss.lost());
        assertTrue(Double.isNaN(age()), "no longer leading");
        assertEquals(1.0, registry.get("kubedc.leadership.lost").counter().count());
        assertEquals(0.0, registry.get("kubedc.leader").gauge().value());
    }

    @Test
    void theDeadlineRunsFromTheStartOfLeadingUntilTheFirstRenewal() {
        assertTrue(Double.isNaN(age()), "a standby has no renewal age");
        clock.addAndGet(Duration.ofSeconds(60).toNanos()); // a standby for a minute, then it takes the lease
        watchdog.startedLeading();
        clock.addAndGet(Duration.ofSeconds(9).toNanos());
        assertFalse(watchdog.check());
        assertEquals(9.0, age(), 1e-9);
        clock.addAndGet(Duration.ofSeconds(2).toNanos());
        assertTrue(watchdog.check());
        assertTrue(loss.lost());
    }

    @Test
    void aLeaderThatStopsLeadingIsNoLongerWatched() {
        watchdog.startedLeading();
        watchdog.stoppedLeading(); // the elector's own stop (another holder): LeadershipLoss handles it
        clock.addAndGet(Duration.ofSeconds(30).toNanos());
        assertFalse(watchdog.check());
        assertFalse(loss.lost());
        assertTrue(Double.isNaN(age()));
    }

    double age() {
        return registry.get("kubedc.leader.lease.renewal.age").gauge().value();
    }

    void renew(int code) {
        HttpRequest put = request("PUT", PATH);
        renewals.before(null, put, null);
        renewals.after(put, response(put, code), null);
    }

    static HttpRequest request(String method, String path) {
        return new StandardHttpRequest.Builder()
                .uri("https://127.0.0.1:6443" + path)
                .method(method, "application/json", "{}")
                .build();
    }

    static HttpResponse<String> response(HttpRequest request, int code) {
        return new HttpResponse<>() {
            @Override
            public int code() {
                return code;
            }

            @Override
            public String body() {
                return "";
            }

            @Override
            public HttpRequest request() {
                return request;
            }

            @Override
            public Optional<HttpResponse<?>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public List<String> headers(String key) {
                return List.of();
            }

            @Override
            public Map<String, List<String>> headers() {
                return Map.of();
            }
        };
    }
}
