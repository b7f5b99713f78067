package com.kubedc.net.common;

import com.kubedc.net.vocabulary.Names;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * Kubernetes Events on our primaries. Callers emit on condition transitions only, so an event is
 * written once per change (a restart re-reads the condition, not the event). The event name is
 * derived from object, reason and message: a repeat is an AlreadyExists, not a second event.
 */
@ApplicationScoped
public class Events {
    private static final Logger LOG = Logger.getLogger(Events.class);
    public static final String NORMAL = "Normal";
    public static final String WARNING = "Warning";
    public static final String COMPONENT = "kube-dc-net";

    private final KubernetesClient client;
    private final Clock clock;
    private final WriteCounter writes;

    public Events(KubernetesClient client, Clock clock, WriteCounter writes) {
        this.client = client;
        this.clock = clock;
        this.writes = writes;
    }

    public void warning(HasMetadata about, String reason, String message) {
        emit(about, WARNING, reason, message);
    }

    public void normal(HasMetadata about, String reason, String message) {
        emit(about, NORMAL, reason, message);
    }

    void emit(HasMetadata about, String type, String reason, String message) {
        var meta = about.getMetadata();
        String name = meta.getName() + "." + Names.hash8(meta.getUid() + "/" + type + "/" + reason + "/" + message);
        String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        var event = new EventBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(meta.getNamespace())
                .endMetadata()
                .withInvolvedObject(new ObjectReferenceBuilder()
                        .withApiVersion(about.getApiVersion())
                        .withKind(about.getKind())
                        .withName(meta.getName())
                        .withNamespace(meta.getNamespace())
                        .withUid(meta.getUid())
                        .withResourceVersion(meta.getResourceVersion())
                        .build())
                .withType(type)
                .withReason(reason)
                .withMessage(message)
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .withCount(1)
                .withNewSource()
                .withComponent(COMPONENT)
                .endSource()
                .withReportingComponent(COMPONENT)
                .build();
        try {
            writes.count("Event", "create");
            client.v1()
                    .events()
                    .inNamespace(meta.getNamespace())
                    .resource(event)
                    .create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                // an event is a courtesy: losing one must not fail the reconcile
                LOG.debugf(
                        "event %s on %s/%s not written: %s",
                        reason, meta.getNamespace(), meta.getName(), e.getMessage());
            }
        }
    }
}
