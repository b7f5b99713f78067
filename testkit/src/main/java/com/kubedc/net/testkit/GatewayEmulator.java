package com.kubedc.net.testkit;

import com.kubedc.net.thirdparty.certmanager.Certificate;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TLSRoute;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Plays Envoy Gateway and cert-manager for tests and the sandbox: marks Certificates Ready, and
 * routes Accepted by the Gateway their parentRef names when that Gateway has the listener and the
 * listener admits the route (its namespace and kind, {@link GatewayAdmission}); otherwise
 * Accepted=False. Either half can be switched off to hold a route in its waiting state.
 */
public final class GatewayEmulator implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GatewayEmulator.class);
    public static final String USER_AGENT = "gateway-emulator";
    private static final List<Class<? extends HasMetadata>> ROUTES =
            List.of(HTTPRoute.class, TLSRoute.class, GRPCRoute.class);

    private final KubernetesClient client;
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private final List<SharedIndexInformer<? extends HasMetadata>> routeInformers =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile SharedIndexInformer<Certificate> certificates;
    private final LinkedBlockingDeque<HasMetadata> queue = new LinkedBlockingDeque<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private volatile SharedIndexInformer<Gateway> gateways;
    private volatile boolean issueCertificates = true;
    private volatile boolean acceptRoutes = true;
    private volatile boolean running;
    private Thread worker;

    public GatewayEmulator(KubernetesClient client) {
        this.client = client;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        gateways = client.resources(Gateway.class)
                .inAnyNamespace()
                .inform(handler(g -> routes().forEach(this::enqueue)), 0);
        informers.add(gateways);
        certificates = client.resources(Certificate.class).inAnyNamespace().inform(handler(this::enqueue), 0);
        informers.add(certificates);
        for (Class<? extends HasMetadata> kind : ROUTES) {
            SharedIndexInformer<? extends HasMetadata> i =
                    client.resources(kind).inAnyNamespace().inform(handler(this::enqueue), 0);
            routeInformers.add(i);
            informers.add(i);
        }
        worker = new Thread(this::work, "gateway-emulator");
        worker.setDaemon(true);
        worker.start();
    }

    /** Whether cert-manager issues Certificates (marks them Ready); on by default. */
    public void issueCertificates(boolean on) {
        issueCertificates = on;
        if (on) {
            certificates.getStore().list().forEach(this::enqueue);
        }
    }

    /** Whether the Gateway accepts routes it admits; on by default. */
    public void acceptRoutes(boolean on) {
        acceptRoutes = on;
        if (on) {
            routes().forEach(this::enqueue);
        }
    }

    private <T extends HasMetadata> ResourceEventHandler<T> handler(java.util.function.Consumer<T> on) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T o) {
                on.accept(o);
            }

            @Override
            public void onUpdate(T old, T o) {
                on.accept(o);
            }

            @Override
            public void onDelete(T o, boolean unknown) {}
        };
    }

    private List<HasMetadata> routes() {
        List<HasMetadata> out = new ArrayList<>();
        routeInformers.forEach(i -> out.addAll(i.getStore().list()));
        return out;
    }

    private void enqueue(HasMetadata o) {
        if (pending.add(key(o))) {
            queue.add(o);
        }
    }

    private static String key(HasMetadata o) {
        return o.getKind() + "/" + o.getMetadata().getNamespace() + "/"
                + o.getMetadata().getName();
    }

    private void work() {
        while (running) {
            try {
                HasMetadata o = queue.poll(200, TimeUnit.MILLISECONDS);
                if (o == null) {
                    continue;
                }
                pending.remove(key(o));
                process(o);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.debugf(
                        "gateway emulator: %s",
                        e.toString()); // a conflict or a vanished object: the next event brings it back
            }
        }
    }

    private void process(HasMetadata o) {
        HasMetadata fresh = client.resource(o).get();
        if (fresh == null || fresh.getMetadata().getDeletionTimestamp() != null) {
            return;
        }
        if (fresh instanceof Certificate c) {
            boolean issued = c.getStatus() != null
                    && c.getStatus().conditions() != null
                    && c.getStatus().conditions().stream()
                            .anyMatch(x -> "Ready".equals(x.getType()) && "True".equals(x.getStatus()));
            if (issueCertificates && !issued) {
                c.setStatus(new Certificate.Status(
                        List.of(condition("Ready", "True", "Ready", "Certificate is up to date and has not expired"))));
                client.resource(c).updateStatus();
            }
            return;
        }
        if (!acceptRoutes) {
            return;
        }
        if (GatewayAdmission.judge(fresh, gateways.getStore().list())) {
            client.resource(fresh).updateStatus();
        }
    }

    static Condition condition(String type, String status, String reason, String message) {
        return new ConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withLastTransitionTime(Instant.now().toString())
                .build();
    }

    @Override
    public synchronized void close() {
        running = false;
        informers.forEach(SharedIndexInformer::close);
        informers.clear();
        routeInformers.clear();
        if (worker != null) {
            worker.interrupt();
        }
    }
}
