package com.kubedc.net.common;

import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The external Subnets of the shared Subnet cache (those labelled with an external network type),
 * read by index: a handful among one Subnet per Project, which a scan would visit on every
 * reconcile. One index, shared by every controller that reads them.
 */
public final class ExternalSubnets {
    static final String INDEX = "externalSubnets";
    private static final String KEY = "external";
    /** One instance: a shared informer accepts an index name twice only with the same function. */
    private static final Function<HasMetadata, List<String>> INDEXER = s -> isExternal(s) ? List.of(KEY) : List.of();

    private ExternalSubnets() {}

    public static boolean isExternal(HasMetadata subnet) {
        Map<String, String> l = subnet.getMetadata().getLabels();
        return l != null && l.containsKey(Keys.EXTERNAL_NETWORK_TYPE);
    }

    /** Adds the index to {@code subnets} (before it starts). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <R extends HasMetadata> void index(SharedSource<R, ?> subnets) {
        subnets.addIndexer(INDEX, (Function) INDEXER);
    }

    /** The external Subnets {@code subnets} holds now. */
    public static <R extends HasMetadata> List<R> of(SharedSource<R, ?> subnets) {
        return subnets.byIndex(INDEX, KEY);
    }
}
