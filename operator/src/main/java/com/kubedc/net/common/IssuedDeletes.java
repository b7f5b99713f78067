package com.kubedc.net.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the object versions we already sent a DELETE for. A reconcile that runs before the
 * informer has seen the deletion still holds the old version; it must not delete again. Bounded:
 * the oldest entries go first (a forgotten entry only costs one redundant, harmless DELETE).
 */
final class IssuedDeletes {
    private static final int CAPACITY = 4096;
    private final Map<String, String> versionByUid = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CAPACITY;
        }
    };

    /** True when a DELETE was already issued for exactly this version of the object. */
    synchronized boolean alreadyIssued(HasMetadata o) {
        String uid = o.getMetadata().getUid();
        return uid != null
                && o.getMetadata().getResourceVersion() != null
                && o.getMetadata().getResourceVersion().equals(versionByUid.get(uid));
    }

    synchronized void issued(HasMetadata o) {
        if (o.getMetadata().getUid() != null && o.getMetadata().getResourceVersion() != null) {
            versionByUid.put(o.getMetadata().getUid(), o.getMetadata().getResourceVersion());
        }
    }
}
