package com.kubedc.net.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.kubernetes.client.KubernetesClientObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * The Kubernetes client reads short string values as one shared instance each ({@link
 * String#intern}): the caches hold tens of thousands of objects whose strings repeat (namespaces,
 * label values, protocols, address families, condition types and reasons, owner kinds). Field names,
 * and with them label and annotation keys, are shared by the JSON parser already. Long values (such
 * as an annotation holding a whole object) are read as they are.
 */
@Singleton
public class SharedStrings implements KubernetesClientObjectMapperCustomizer {
    /** Longest value shared: a DNS label is 63, a DNS name 253. */
    static final int LONGEST = 253;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(
                new SimpleModule("kube-dc-net-shared-strings").addDeserializer(String.class, new Reader()));
    }

    static String share(String s) {
        return s != null && s.length() <= LONGEST ? s.intern() : s;
    }

    static final class Reader extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return share(super.deserialize(p, ctxt));
        }
    }
}
