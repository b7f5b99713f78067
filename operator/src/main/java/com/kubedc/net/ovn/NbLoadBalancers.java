package com.kubedc.net.ovn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kubedc.net.config.KubeDcConfig;
import com.kubedc.net.ovn.ovsdb.Endpoint;
import com.kubedc.net.ovn.ovsdb.OvsdbClient;
import com.kubedc.net.ovn.ovsdb.OvsdbException;
import com.kubedc.net.ovn.ovsdb.OvsdbOptions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Our one connection to the OVN Northbound DB ({@code kube-dc.ovn-db-ips}): the monitored mirror
 * of load balancers, routers and switches, and the transactions that change them. Without the
 * setting, nothing connects and LoadBalancer Services say so in a condition.
 */
@ApplicationScoped
public class NbLoadBalancers {
    private static final Logger LOG = Logger.getLogger(NbLoadBalancers.class);
    static final String MONITOR_ID = "kube-dc-net-lb";

    private final NbState state = new NbState();
    private final OvsdbClient client;
    private final MeterRegistry registry;

    public NbLoadBalancers(KubeDcConfig config, MeterRegistry registry) {
        this.registry = registry;
        this.client =
                config.ovnDbIps().filter(s -> !s.isBlank()).map(this::connect).orElse(null);
        if (client == null) {
            LOG.warn("kube-dc.ovn-db-ips is not set: LoadBalancer Services are not programmed");
        }
    }

    private OvsdbClient connect(String endpoints) {
        List<Endpoint> list = Endpoint.parse(endpoints);
        OvsdbClient c = OvsdbClient.start(OvsdbOptions.defaults(list, "OVN_Northbound"));
        c.monitor(MONITOR_ID, NbState.COLUMNS, state);
        c.onConnectionChange(up -> {
            if (!up) {
                state.disconnected();
                registry.counter("kubedc.ovn.nb.disconnects").increment();
            }
        });
        Gauge.builder("kubedc.ovn.nb.connected", c, x -> x.isConnected() ? 1 : 0)
                .description("1 while the OVN NB connection is up")
                .register(registry);
        Gauge.builder("kubedc.ovn.nb.transactions", c, x -> x.transactions())
                .description("OVSDB transactions sent to the OVN NB")
                .register(registry);
        return c;
    }

    public boolean configured() {
        return client != null;
    }

    /** Connected, and the mirror holds a snapshot: plans may be computed. */
    public boolean ready() {
        return client != null && client.isConnected() && state.synced();
    }

    public NbState state() {
        return state;
    }

    public long transactions() {
        return client == null ? 0 : client.transactions();
    }

    /** Runs {@code ops} as one transaction and waits for it; an OVSDB failure is thrown (the reconcile retries). */
    public void transact(List<ObjectNode> ops) {
        if (ops.isEmpty()) {
            return;
        }
        try {
            client.transact(ops).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OvsdbException o) {
                throw o;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("OVN NB transaction did not complete in 30s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
