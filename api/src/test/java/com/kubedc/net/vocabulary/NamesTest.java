package com.kubedc.net.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamesTest {
    @Test
    void upstreamNamesOfProjectChildren() {
        assertEquals("acme-dev", Names.projectNamespace("acme", "dev"));
        assertEquals("acme-dev-default", Names.subnet("acme-dev"));
        assertEquals("acme-dev-ext-cloud", Names.gatewayOvnEip("acme-dev", "ext-cloud"));
        assertEquals("acme/dev", Names.projectRef("acme", "dev"));
    }

    @Test
    void hashedNamesAreDeterministicBoundedAndTellAmbiguousJoinsApart() {
        String a = Names.hashed("eip", "a", "b-c");
        String b = Names.hashed("eip", "a-b", "c");
        assertNotEquals(a, b);
        assertEquals(a, Names.hashed("eip", "a", "b-c"));
        String longName =
                Names.hashed("fip", "organisation-with-a-very-long-name-x", "project-with-a-long-name-too-and-more");
        assertTrue(longName.length() <= 63, longName);
        assertTrue(longName.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?"), longName);
    }
}
