package com.kubedc.net.ops;

import com.kubedc.net.config.KubeDcConfig;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * When this process last renewed its leader Lease, seen on the controller's HTTP client: the elector
 * renews by a PUT of the Lease, and a renewal counts from the moment its last attempt was sent (a
 * conservative start: the server stored it later). Only the elector writes that Lease, one request at
 * a time, so one pending start is enough. fabric8's elector tells nobody about a renewal; this is
 * what {@link LeaseWatchdog} measures the renew deadline against.
 */
@Singleton
public class LeaseRenewals implements Interceptor {
    static final String NAME = "kube-dc-net-lease-renewals";
    private static final long NONE = Long.MIN_VALUE;

    private final String leaseName;
    private final LongSupplier nanoClock;
    private volatile long pendingSince = NONE;
    private volatile long renewedAt = NONE;

    @Inject
    public LeaseRenewals(KubeDcConfig config) {
        this(config.leaderElection().leaseName(), System::nanoTime);
    }

    LeaseRenewals(String leaseName, LongSupplier nanoClock) {
        this.leaseName = leaseName;
        this.nanoClock = nanoClock;
    }

    /** A write of our Lease: PUT or PATCH of {@code /apis/coordination.k8s.io/v1/namespaces/<ns>/leases/<name>}. */
    static boolean isLeaseWrite(String method, String path, String leaseName) {
        return ("PUT".equals(method) || "PATCH".equals(method))
                && path.startsWith("/apis/coordination.k8s.io/v1/namespaces/")
                && path.endsWith("/leases/" + leaseName);
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        if (isLeaseWrite(request.method(), request.uri().getPath(), leaseName)) {
            pendingSince = nanoClock.getAsLong();
        }
    }

    @Override
    public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        if (response.isSuccessful()
                && isLeaseWrite(request.method(), request.uri().getPath(), leaseName)) {
            renewedAt = pendingSince;
        }
    }

    /** {@link System#nanoTime()} when the last successful renewal was sent; empty before the first. */
    public OptionalLong last() {
        long at = renewedAt;
        return at == NONE ? OptionalLong.empty() : OptionalLong.of(at);
    }
}
