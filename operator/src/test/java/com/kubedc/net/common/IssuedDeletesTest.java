package com.kubedc.net.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.junit.jupiter.api.Test;

class IssuedDeletesTest {
    static ConfigMap at(String uid, String version) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName("x")
                .withUid(uid)
                .withResourceVersion(version)
                .endMetadata()
                .build();
    }

    @Test
    void aStaleCopyOfAnObjectWeDeletedIsNotDeletedAgainButANewerVersionOrAnotherObjectIs() {
        IssuedDeletes d = new IssuedDeletes();
        assertFalse(d.alreadyIssued(at("u1", "5")));
        d.issued(at("u1", "5"));
        assertTrue(d.alreadyIssued(at("u1", "5")), "the cache has not caught up: same version");
        assertFalse(d.alreadyIssued(at("u1", "6")), "a newer version is a new fact");
        assertFalse(d.alreadyIssued(at("u2", "5")), "a recreated object has another uid");
    }

    @Test
    void memoryIsBounded() {
        IssuedDeletes d = new IssuedDeletes();
        d.issued(at("first", "1"));
        for (int i = 0; i < 5000; i++) {
            d.issued(at("u" + i, "1"));
        }
        assertFalse(d.alreadyIssued(at("first", "1")), "the oldest entries are forgotten");
        assertTrue(d.alreadyIssued(at("u4999", "1")));
    }
}
