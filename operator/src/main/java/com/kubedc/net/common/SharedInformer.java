package com.kubedc.net.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One informer of a kind in all namespaces (or of the objects of a label selector) for every
 * controller of one client: the controllers' {@link SharedSource}s map its events to their own primaries and read its store. It runs while
 * at least one source is started (a fresh operator with its own client gets its own). Objects
 * are stored without managedFields ({@link LeanItemStore}). What a controller just wrote is
 * served by {@link #get} until the informer has caught up (read-your-writes, as the operator
 * SDK's own informer sources do); lists and indexes show the informer's state only, as there.
 */
public final class SharedInformer<R extends HasMetadata> {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(SharedInformer.class);
    private static final Map<KubernetesClient, Map<String, SharedInformer<?>>> BY_CLIENT =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final KubernetesClient client;
    private final Class<R> kind;
    private final String labelSelector;
    private final Map<String, Function<R, List<String>>> indexers = new HashMap<>();
    private final Map<String, R> recent = new ConcurrentHashMap<>();
    private volatile SharedIndexInformer<R> informer;
    private int users;

    private SharedInformer(KubernetesClient client, Class<R> kind, String labelSelector) {
        this.client = client;
        this.kind = kind;
        this.labelSelector = labelSelector;
    }

    /** The shared informer of every {@code kind} for {@code client}. */
    public static <R extends HasMetadata> SharedInformer<R> of(KubernetesClient client, Class<R> kind) {
        return of(client, kind, null);
    }

    /** The shared informer of the {@code kind} objects {@code labelSelector} selects (null: all) for {@code client}. */
    @SuppressWarnings("unchecked")
    public static <R extends HasMetadata> SharedInformer<R> of(
            KubernetesClient client, Class<R> kind, String labelSelector) {
        synchronized (BY_CLIENT) {
            return (SharedInformer<R>) BY_CLIENT
                    .computeIfAbsent(client, c -> new ConcurrentHashMap<>())
                    .computeIfAbsent(
                            kind.getName() + (labelSelector == null ? "" : "?" + labelSelector),
                            k -> new SharedInformer<>(client, kind, labelSelector));
        }
    }

    public Class<R> kind() {
        return kind;
    }

    /** Adds an index (names are shared by all users: prefix them with the controller's). */
    public synchronized void addIndexer(String name, Function<R, List<String>> index) {
        Function<R, List<String>> before = indexers.putIfAbsent(name, index);
        if (before != null && before != index) {
            throw new IllegalStateException("index " + name + " of " + kind.getSimpleName() + " is defined twice");
        }
        if (before == null && informer != null) {
            informer.addIndexers(Map.of(name, index));
        }
    }

    /**
     * Starts the informer if it is not running and waits for its first list (up to the SDK's cache
     * sync timeout); then adds {@code handler}. As the SDK does with its own informers: unless
     * {@code stopOnStartupError}, an informer whose first list fails keeps retrying in the
     * background instead of failing the start.
     */
    synchronized void acquire(
            ResourceEventHandler<R> handler, boolean stopOnStartupError, java.time.Duration syncTimeout) {
        if (informer == null) {
            var all = client.resources(kind).inAnyNamespace();
            SharedIndexInformer<R> i =
                    (labelSelector == null ? all : all.withLabelSelector(labelSelector)).runnableInformer(0);
            i.itemStore(new LeanItemStore<>());
            if (!stopOnStartupError) {
                i.exceptionHandler((started, t) -> !ExceptionHandler.isDeserializationException(t));
            }
            if (!indexers.isEmpty()) {
                i.addIndexers(indexers);
            }
            i.addEventHandler(new Pruner());
            try {
                i.start().toCompletableFuture().get(syncTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                i.stop();
                throw new KubernetesClientException(
                        "interrupted while starting the " + kind.getSimpleName() + " informer", e);
            } catch (ExecutionException | TimeoutException e) {
                if (stopOnStartupError) {
                    i.stop();
                    throw new KubernetesClientException(
                            "the " + kind.getSimpleName() + " informer did not start",
                            e.getCause() == null ? e : e.getCause());
                }
                LOG.warnf(
                        "the shared %s informer did not start (%s): it retries",
                        kind.getSimpleName(), e.getCause() == null ? e : e.getCause());
            }
            informer = i;
        }
        users++;
        informer.addEventHandler(handler);
    }

    /** Removes {@code handler}; the last user stops the informer. */
    synchronized void release(ResourceEventHandler<R> handler) {
        if (informer == null) {
            return;
        }
        informer.removeEventHandler(handler);
        if (--users == 0) {
            informer.stop();
            informer = null;
            recent.clear();
        }
    }

    /** Running, with as many controllers' sources as use it. */
    public synchronized int users() {
        return users;
    }

    public synchronized boolean running() {
        return informer != null && informer.isRunning();
    }

    /** Running, listed, and its watch open. */
    public synchronized boolean watching() {
        return informer != null && informer.isRunning() && informer.hasSynced() && informer.isWatching();
    }

    /** The object as last seen, or as last written by a controller when the informer has not seen that write yet. */
    public Optional<R> get(ResourceID id) {
        String key = Cache.namespaceKeyFunc(id.getNamespace().orElse(null), id.getName());
        SharedIndexInformer<R> i = informer;
        R cached = i == null ? null : i.getStore().getByKey(key);
        R written = recent.get(key);
        if (written != null && (cached == null || newer(written, cached))) {
            return Optional.of(written);
        }
        return Optional.ofNullable(cached);
    }

    public Stream<R> list(Predicate<R> filter) {
        SharedIndexInformer<R> i = informer;
        return i == null ? Stream.empty() : i.getStore().list().stream().filter(filter);
    }

    public Stream<R> list(String namespace, Predicate<R> filter) {
        return byIndex(Cache.NAMESPACE_INDEX, namespace).stream().filter(filter);
    }

    public List<R> byIndex(String index, String key) {
        SharedIndexInformer<R> i = informer;
        return i == null ? List.of() : i.getIndexer().byIndex(index, key);
    }

    /** A controller wrote {@code obj} (created or changed it): {@link #get} serves it until the informer shows this version or a later one. */
    void written(R obj) {
        String key = Cache.metaNamespaceKeyFunc(obj);
        SharedIndexInformer<R> i = informer;
        R cached = i == null ? null : i.getStore().getByKey(key);
        if (cached == null || newer(obj, cached)) {
            obj.getMetadata().setManagedFields(null);
            recent.put(key, obj);
        }
    }

    /** Whether {@code a} is a later version than {@code b} (resourceVersions compared as numbers, as the operator SDK does). */
    static boolean newer(HasMetadata a, HasMetadata b) {
        try {
            return Long.parseLong(a.getMetadata().getResourceVersion())
                    > Long.parseLong(b.getMetadata().getResourceVersion());
        } catch (NumberFormatException | NullPointerException e) {
            return false; // not comparable: the informer's copy wins
        }
    }

    /** Drops a written copy once the informer shows that version or a later one, or the object is gone. */
    private final class Pruner implements ResourceEventHandler<R> {
        @Override
        public void onAdd(R obj) {
            seen(obj);
        }

        @Override
        public void onUpdate(R before, R obj) {
            seen(obj);
        }

        @Override
        public void onDelete(R obj, boolean unknownFinalState) {
            recent.remove(Cache.metaNamespaceKeyFunc(obj));
        }

        private void seen(R obj) {
            recent.computeIfPresent(
                    Cache.metaNamespaceKeyFunc(obj), (k, written) -> newer(written, obj) ? written : null);
        }
    }
}
