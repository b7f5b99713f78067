package com.kubedc.net.common;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SharedVersionsTest {
    private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T with(T o, String uid, String rv) {
        o.setMetadata(new ObjectMetaBuilder()
                .withNamespace("p")
                .withName("a")
                .withUid(uid)
                .withResourceVersion(rv)
                .build());
        return o;
    }

    @Test
    void twoCachesOfTheSameVersionHoldOneInstance() {
        String uid = UUID.randomUUID().toString();
        Service first = with(new Service(), uid, "7");
        Service second = with(new Service(), uid, "7");
        LeanItemStore<Service> a = new LeanItemStore<>();
        LeanItemStore<Service> b = new LeanItemStore<>();
        a.put("p/a", first);
        b.put("p/a", second);
        assertSame(first, a.get("p/a"));
        assertSame(first, b.get("p/a"), "the second cache stores the instance the first holds");
    }

    @Test
    void aNewVersionIsANewInstanceAndBecomesTheOneShared() {
        String uid = UUID.randomUUID().toString();
        Service v7 = with(new Service(), uid, "7");
        Service v8 = with(new Service(), uid, "8");
        Service v8again = with(new Service(), uid, "8");
        assertSame(v7, SharedVersions.canonical(v7));
        assertSame(v8, SharedVersions.canonical(v8));
        assertSame(v8, SharedVersions.canonical(v8again));
        assertSame(v8, SharedVersions.canonical(with(new Service(), uid, "8")));
    }

    @Test
    void objectsOfAnotherClassOrWithoutUidOrVersionAreNotShared() {
        String uid = UUID.randomUUID().toString();
        ConfigMap cm = with(new ConfigMap(), uid, "3");
        SharedVersions.canonical(cm);
        Secret other = with(new Secret(), uid, "3");
        assertSame(other, SharedVersions.canonical(other));
        Service noUid = with(new Service(), null, "3");
        assertSame(noUid, SharedVersions.canonical(noUid));
        assertNotSame(noUid, SharedVersions.canonical(with(new Service(), null, "3")));
        Service noVersion = with(new Service(), uid, null);
        assertSame(noVersion, SharedVersions.canonical(noVersion));
    }

    @Test
    void managedFieldsAreDroppedBeforeSharing() {
        String uid = UUID.randomUUID().toString();
        Service s = with(new Service(), uid, "1");
        s.getMetadata().setManagedFields(List.of(new ManagedFieldsEntry()));
        LeanItemStore<Service> store = new LeanItemStore<>();
        store.put("p/a", s);
        assertNull(store.get("p/a").getMetadata().getManagedFields());
    }
}
