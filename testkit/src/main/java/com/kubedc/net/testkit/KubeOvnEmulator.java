package com.kubedc.net.testkit;

import com.kubedc.net.thirdparty.kubeovn.KubeOvn;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.thirdparty.kubeovn.OvnFip;
import com.kubedc.net.thirdparty.kubeovn.OvnSnatRule;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
import com.kubedc.net.thirdparty.kubeovn.Vpc;
import com.kubedc.net.thirdparty.kubeovn.VpcDns;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Plays kube-ovn-controller for tests and the sandbox: allocates OvnEip addresses from the
 * external Subnet (honouring excludeIps and the gateway), sets statuses, creates a VPC's
 * router-port OvnEips, and holds its finalizer until dependents are gone so that the
 * controller's teardown order is observable. One worker thread: allocations never race.
 */
public final class KubeOvnEmulator implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KubeOvnEmulator.class);

    /** User agent of the emulator's requests, so request logs can tell them apart. */
    public static final String USER_AGENT = "kube-ovn-emulator";

    final KubernetesClient client;
    final EmulatorWrites writes;
    final Map<Class<?>, SharedIndexInformer<? extends HasMetadata>> informers = new ConcurrentHashMap<>();
    private final LinkedBlockingDeque<Key> queue = new LinkedBlockingDeque<>();
    private final Set<Key> pending = ConcurrentHashMap.newKeySet();
    private final Rules rules;
    private volatile boolean paused;
    /** The OVN NB where routers and switches are made, when there is one. */
    private volatile EmulatorNb nb;

    private volatile boolean running;
    private Thread worker;

    /** A queued object: its kind and name. */
    record Key(Class<? extends HasMetadata> kind, String name) {}

    public KubeOvnEmulator(KubernetesClient client) {
        this.client = client;
        this.writes = new EmulatorWrites(client);
        this.rules = new Rules(this);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (Class<? extends HasMetadata> kind :
                List.of(Subnet.class, OvnEip.class, OvnSnatRule.class, OvnFip.class, Vpc.class, VpcDns.class)) {
            informers.put(kind, inform(kind));
        }
        worker = new Thread(this::work, "kube-ovn-emulator");
        worker.setDaemon(true);
        worker.start();
    }

    private <T extends HasMetadata> SharedIndexInformer<T> inform(Class<T> kind) {
        return client.resources(kind)
                .inform(
                        new ResourceEventHandler<>() {
                            @Override
                            public void onAdd(T o) {
                                enqueue(kind, o.getMetadata().getName());
                            }

                            @Override
                            public void onUpdate(T old, T o) {
                                enqueue(kind, o.getMetadata().getName());
                            }

                            @Override
                            public void onDelete(T o, boolean unknown) {
                                enqueue(kind, o.getMetadata().getName());
                            }
                        },
                        0);
    }

    void enqueue(Class<? extends HasMetadata> kind, String name) {
        Key k = new Key(kind, name);
        if (pending.add(k)) {
            queue.add(k);
        }
    }

    /** Re-examines every object of {@code kind} (a dependency of something changed). */
    void enqueueAll(Class<? extends HasMetadata> kind) {
        list(kind).forEach(o -> enqueue(kind, o.getMetadata().getName()));
    }

    private void work() {
        while (running) {
            Key k = null;
            try {
                if (paused) {
                    Thread.sleep(100);
                    continue;
                }
                k = queue.poll(200, TimeUnit.MILLISECONDS);
                if (k == null) {
                    continue;
                }
                pending.remove(k);
                rules.process(k);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // a conflict or a vanished object: look again shortly, like a controller would
                LOG.debugf("emulator: %s", e.toString());
                sleepQuietly();
                if (k != null) {
                    enqueue(k.kind(), k.name());
                }
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    <T extends HasMetadata> List<T> list(Class<T> kind) {
        SharedIndexInformer<T> inf = (SharedIndexInformer<T>) informers.get(kind);
        return inf == null ? List.of() : new ArrayList<>(inf.getStore().list());
    }

    @SuppressWarnings("unchecked")
    <T extends HasMetadata> Optional<T> get(Class<T> kind, String name) {
        SharedIndexInformer<T> inf = (SharedIndexInformer<T>) informers.get(kind);
        return inf == null
                ? Optional.empty()
                : Optional.ofNullable(inf.getStore().getByKey(name));
    }

    /** From now on, logical routers and switches are made in the NB at {@code endpoints} too (null: in none). */
    public synchronized void attachNb(String endpoints) {
        if (nb != null) {
            nb.close();
        }
        nb = endpoints == null ? null : new EmulatorNb(endpoints, this::resyncNb);
        resyncNb();
    }

    private void resyncNb() {
        enqueueAll(Vpc.class);
        enqueueAll(Subnet.class);
    }

    Optional<EmulatorNb> nb() {
        return Optional.ofNullable(nb);
    }

    /** While paused nothing is processed: Kube-OVN is down. */
    public void setPaused(boolean paused) {
        this.paused = paused;
    }

    /** How many writes the emulator has made. */
    public long writes() {
        return writes.count();
    }

    /** The default external network: the Subnet labelled default-external. */
    Optional<Subnet> defaultExternal() {
        return list(Subnet.class).stream()
                .filter(s -> s.getMetadata().getLabels() != null
                        && "true".equals(s.getMetadata().getLabels().get(Keys.DEFAULT_EXTERNAL)))
                .findFirst();
    }

    static boolean deleting(HasMetadata o) {
        return o.getMetadata().getDeletionTimestamp() != null;
    }

    static String finalizer() {
        return KubeOvn.FINALIZER;
    }

    @Override
    public synchronized void close() {
        running = false;
        informers.values().forEach(SharedIndexInformer::close);
        if (nb != null) {
            nb.close();
        }
        informers.clear();
        if (worker != null) {
            worker.interrupt();
        }
    }
}
