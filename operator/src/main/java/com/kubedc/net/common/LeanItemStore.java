package com.kubedc.net.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;

/**
 * An informer's store that keeps objects without {@code metadata.managedFields} (the server's
 * bookkeeping of field owners is often larger than the object and no controller reads it: our
 * server-side applies build their body fresh; an update sent without the field keeps the
 * server's), and one instance per object version for all informers ({@link SharedVersions}):
 * a Service watched by three controllers is held once. The informer hands its own copy to its
 * handlers; that copy is dropped once they are done.
 */
public class LeanItemStore<R extends HasMetadata> extends BasicItemStore<R> {
    public LeanItemStore() {
        super(Cache::metaNamespaceKeyFunc);
    }

    @Override
    public R put(String key, R obj) {
        if (obj.getMetadata() != null) {
            obj.getMetadata().setManagedFields(null);
        }
        return super.put(key, SharedVersions.canonical(obj));
    }
}
