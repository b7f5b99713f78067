package com.kubedc.net.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance of each object version for all caches of the process. Every informer deserializes
 * its own copy of what it watches; where several informers watch a kind (the two Service
 * controllers' primaries and the shared Service informer) the copies are equal. A cache stores the
 * {@link #canonical} instance instead, so the copies become garbage at once. Instances are held
 * weakly: a version no cache holds any more is forgotten.
 *
 * <p>Cached objects must not be changed in place (they never are: reconcilers get clones from the
 * operator SDK, and the status reporter and writers build fresh bodies); with sharing, such a change
 * would show in every cache at once.
 */
public final class SharedVersions {
    private static final Map<String, Entry> BY_UID = new ConcurrentHashMap<>();
    private static final ReferenceQueue<HasMetadata> GONE = new ReferenceQueue<>();

    private SharedVersions() {}

    /**
     * The instance already held for {@code obj}'s uid and resourceVersion, when one is and it is of
     * the same class; otherwise {@code obj}, which becomes the one held for that version.
     */
    @SuppressWarnings("unchecked")
    public static <R extends HasMetadata> R canonical(R obj) {
        expunge();
        var meta = obj.getMetadata();
        if (meta == null || meta.getUid() == null || meta.getResourceVersion() == null) {
            return obj;
        }
        // atomic per uid: two informers storing copies of one version at the same moment get one instance
        Object[] chosen = new Object[1];
        BY_UID.compute(meta.getUid(), (uid, held) -> {
            HasMetadata known = held == null ? null : held.get();
            if (known != null
                    && known.getClass() == obj.getClass()
                    && meta.getResourceVersion().equals(known.getMetadata().getResourceVersion())) {
                chosen[0] = known;
                return held;
            }
            chosen[0] = obj;
            return new Entry(uid, obj);
        });
        return (R) chosen[0];
    }

    /** Versions held now (for tests and diagnostics). */
    static int size() {
        expunge();
        return BY_UID.size();
    }

    private static void expunge() {
        for (var r = GONE.poll(); r != null; r = GONE.poll()) {
            Entry e = (Entry) r;
            BY_UID.remove(e.uid, e);
        }
    }

    private static final class Entry extends WeakReference<HasMetadata> {
        final String uid;

        Entry(String uid, HasMetadata obj) {
            super(obj, GONE);
            this.uid = uid;
        }
    }
}
