package com.kubedc.net.eip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.support.Fixtures;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.vocabulary.Keys;
import org.junit.jupiter.api.Test;

/** The OvnEip an EIp owns carries only label values the API server accepts, whatever the names' lengths. */
class EIpDesiredTest {
    @Test
    void aShortReferenceIsUpstreamsLabelAndAnnotation() {
        OvnEip o = EIpDesired.ovnEip(Fixtures.eip("acme-dev", "web"), "ext-cloud");
        assertEquals("acme-dev.web", o.getMetadata().getLabels().get(Keys.EIP));
        assertEquals("acme-dev.web", o.getMetadata().getAnnotations().get(Keys.EIP_CREATED_BY));
    }

    @Test
    void aReferenceLongerThanALabelValueIsKeptInTheAnnotationOnly() {
        // the auto EIp of a Service with a 58-character name: slb-<name>, 62 characters, in gwb-bad
        String name = "slb-" + "x".repeat(58);
        OvnEip o = EIpDesired.ovnEip(Fixtures.eip("gwb-bad", name), "ext-cloud");
        assertFalse(o.getMetadata().getLabels().containsKey(Keys.EIP));
        assertEquals("gwb-bad." + name, o.getMetadata().getAnnotations().get(Keys.EIP_CREATED_BY));
        o.getMetadata().getLabels().forEach((k, v) -> assertTrue(Keys.validValue(v), k + "=" + v));
        assertTrue(o.getMetadata().getName().length() <= 63, o.getMetadata().getName());
    }

    @Test
    void labelValuesFollowTheApiServersRule() {
        assertTrue(Keys.validValue(""));
        assertTrue(Keys.validValue("a.b-c_d"));
        assertFalse(Keys.validValue("x".repeat(64)));
        assertFalse(Keys.validValue("-a"));
        assertFalse(Keys.validValue("a/b"));
    }
}
