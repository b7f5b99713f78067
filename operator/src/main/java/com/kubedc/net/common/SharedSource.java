package com.kubedc.net.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.dependent.RecentOperationCacheFiller;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A controller's view of a {@link SharedInformer}: the informer's events mapped to this
 * controller's primaries ({@code mapper}, as an operator SDK informer source does), and its cache
 * for secondary lookups. Many controllers, one watch and one copy of each object.
 */
public final class SharedSource<R extends HasMetadata, P extends HasMetadata> extends AbstractEventSource<R, P>
        implements RecentOperationCacheFiller<R> {
    private final SharedInformer<R> shared;
    private final SecondaryToPrimaryMapper<R> mapper;
    private final OnUpdateFilter<R> onUpdate;
    private final boolean stopOnStartupError;
    private final java.time.Duration syncTimeout;
    private final ResourceEventHandler<R> handler = new ResourceEventHandler<>() {
        @Override
        public void onAdd(R obj) {
            propagate(obj);
        }

        @Override
        public void onUpdate(R before, R obj) {
            if (!obj.getMetadata()
                            .getResourceVersion()
                            .equals(before.getMetadata().getResourceVersion())
                    && onUpdate.accept(obj, before)) {
                propagate(obj);
            }
        }

        @Override
        public void onDelete(R obj, boolean unknownFinalState) {
            propagate(obj);
        }
    };

    public SharedSource(EventSourceContext<P> ctx, Class<R> kind, SecondaryToPrimaryMapper<R> mapper) {
        this(ctx, kind, mapper, (now, before) -> true);
    }

    public SharedSource(
            EventSourceContext<P> ctx, Class<R> kind, SecondaryToPrimaryMapper<R> mapper, OnUpdateFilter<R> onUpdate) {
        this(ctx, kind, null, mapper, onUpdate);
    }

    /** The objects of {@code kind} that {@code labelSelector} selects (null: all); every source of that kind and selector shares one informer. */
    public SharedSource(
            EventSourceContext<P> ctx, Class<R> kind, String labelSelector, SecondaryToPrimaryMapper<R> mapper) {
        this(ctx, kind, labelSelector, mapper, (now, before) -> true);
    }

    public SharedSource(
            EventSourceContext<P> ctx,
            Class<R> kind,
            String labelSelector,
            SecondaryToPrimaryMapper<R> mapper,
            OnUpdateFilter<R> onUpdate) {
        super(kind, "Shared" + kind.getSimpleName());
        this.shared = SharedInformer.of(ctx.getClient(), kind, labelSelector);
        this.mapper = mapper;
        this.onUpdate = onUpdate;
        var sdk = ctx.getControllerConfiguration().getConfigurationService();
        this.stopOnStartupError = sdk.stopOnInformerErrorDuringStartup();
        this.syncTimeout = sdk.cacheSyncTimeout();
    }

    private void propagate(R obj) {
        if (!isRunning()) {
            return;
        }
        for (ResourceID id : mapper.toPrimaryResourceIDs(obj)) {
            getEventHandler().handleEvent(new Event(id));
        }
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        super.start();
        shared.acquire(handler, stopOnStartupError, syncTimeout);
    }

    @Override
    public synchronized void stop() {
        if (!isRunning()) {
            return;
        }
        super.stop();
        shared.release(handler);
    }

    @Override
    public Set<R> getSecondaryResources(P primary) {
        return Set.of(); // read through get/list/byIndex: what a secondary is depends on the controller
    }

    /** The informer behind this source (one per kind and client). */
    public SharedInformer<R> shared() {
        return shared;
    }

    /** As the operator SDK's informer sources report it: healthy while the informer runs and watches. */
    @Override
    public io.javaoperatorsdk.operator.health.Status getStatus() {
        return shared.watching()
                ? io.javaoperatorsdk.operator.health.Status.HEALTHY
                : io.javaoperatorsdk.operator.health.Status.UNHEALTHY;
    }

    /** Adds an index to the shared informer; {@code name} must be unique among all controllers that share it. */
    public void addIndexer(String name, Function<R, List<String>> index) {
        shared.addIndexer(name, index);
    }

    public Optional<R> get(ResourceID id) {
        return shared.get(id);
    }

    public Stream<R> list(Predicate<R> filter) {
        return shared.list(filter);
    }

    public Stream<R> list(String namespace, Predicate<R> filter) {
        return shared.list(namespace, filter);
    }

    public List<R> byIndex(String index, String key) {
        return shared.byIndex(index, key);
    }

    @Override
    public void handleRecentResourceCreate(ResourceID id, R created) {
        shared.written(created);
    }

    @Override
    public void handleRecentResourceUpdate(ResourceID id, R updated, R before) {
        shared.written(updated);
    }
}
