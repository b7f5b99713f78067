package com.kubedc.net.common;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Project namespaces as the Service controllers see them: a namespace labelled
 * {@link Labels#PROJECT} by the Project reconciler. A label change reconciles the namespace's
 * Services that {@code concerned} selects, so that they are taken on or let go of.
 */
public final class ProjectNamespaces {
    private final InformerEventSource<Namespace, Service> source;

    public ProjectNamespaces(EventSourceContext<Service> ctx, Predicate<Service> concerned) {
        var services = ctx.getPrimaryCache();
        source = new InformerEventSource<>(InformerEventSourceConfiguration.from(Namespace.class, Service.class).withName("Namespace")
                .withSecondaryToPrimaryMapper(n -> services.list(n.getMetadata().getName(), concerned)
                        .map(ResourceID::fromResource).collect(Collectors.toSet()))
                .build(), ctx);
    }

    public InformerEventSource<Namespace, Service> source() {
        return source;
    }

    /** True when {@code namespace} is a project's (as cached). */
    public boolean contains(String namespace) {
        return source.get(new ResourceID(namespace)).map(ProjectNamespaces::isProject).orElse(false);
    }

    public static boolean isProject(Namespace n) {
        return n.getMetadata().getLabels() != null && n.getMetadata().getLabels().containsKey(Labels.PROJECT);
    }
}
