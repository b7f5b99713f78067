package com.kubedc.net.support;

import static org.awaitility.Awaitility.await;

import com.kubedc.net.gatewayroute.RouteReasons;
import com.kubedc.net.testkit.SeedGateway;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading a Service's gateway route back: its condition, its published hostname, the shared Gateway's listeners. */
public final class Routes {
    public static final Duration WAIT = Duration.ofSeconds(20);
    private final TestCluster cluster;

    public Routes(TestCluster cluster) {
        this.cluster = cluster;
    }

    public Service get(String ns, String name) {
        return cluster.client.services().inNamespace(ns).withName(name).get();
    }

    public String reason(String ns, String name) {
        Service s = get(ns, name);
        return s == null || s.getStatus() == null
                ? null
                : Conditions.reason(s.getStatus().getConditions(), RouteReasons.ROUTE_READY);
    }

    public String published(String ns, String name) {
        Service s = get(ns, name);
        return s == null || s.getMetadata().getAnnotations() == null
                ? null
                : s.getMetadata().getAnnotations().get(Keys.ROUTE_HOSTNAME_STATUS);
    }

    public void awaitReason(String ns, String name, String reason) {
        try {
            await().atMost(WAIT).until(() -> reason.equals(reason(ns, name)));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Service s = get(ns, name);
            throw new AssertionError(
                    name + " never reached " + reason + ": "
                            + (s == null
                                    ? "gone"
                                    : s.getStatus() + " " + s.getMetadata().getAnnotations()),
                    e);
        }
    }

    /** Waits for the route to be published and returns its hostname. */
    public String awaitPublished(String ns, String name) {
        awaitReason(ns, name, RouteReasons.ROUTE_USABLE);
        await().atMost(WAIT).until(() -> published(ns, name) != null);
        return published(ns, name);
    }

    public Gateway gateway() {
        return cluster.client
                .resources(Gateway.class)
                .inNamespace(SeedGateway.NAMESPACE)
                .withName(SeedGateway.NAME)
                .get();
    }

    public List<String> listenerNames() {
        return gateway().getSpec().getListeners().stream()
                .map(Listener::getName)
                .toList();
    }

    public Optional<Listener> listener(String name) {
        return gateway().getSpec().getListeners().stream()
                .filter(l -> name.equals(l.getName()))
                .findFirst();
    }

    /** Sets one annotation of a Service by merge patch, as {@code kubectl annotate} does. */
    public void setAnnotation(String ns, String name, String key, String value) {
        cluster.client
                .services()
                .inNamespace(ns)
                .withName(name)
                .patch(
                        io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                                io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
                        "{\"metadata\":{\"annotations\":{\"" + key + "\":\"" + value + "\"}}}");
    }

    /** Removes one annotation of a Service, as {@code kubectl annotate svc <name> <key>-} does (a merge patch with null). */
    public void removeAnnotation(String ns, String name, String key) {
        cluster.client
                .services()
                .inNamespace(ns)
                .withName(name)
                .patch(
                        io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                                io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
                        "{\"metadata\":{\"annotations\":{\"" + key + "\":null}}}");
    }

    /** Warning events about a Service with {@code reason}. */
    public List<Event> warnings(String ns, String name, String reason) {
        return cluster.events(ns, name).stream()
                .filter(e -> "Warning".equals(e.getType()) && reason.equals(e.getReason()))
                .toList();
    }

    /** A TLS Secret the user brings; {@code keys} are the data keys it has. */
    public static Secret tlsSecret(String ns, String name, String... keys) {
        SecretBuilder b = new SecretBuilder()
                .withNewMetadata()
                .withNamespace(ns)
                .withName(name)
                .endMetadata()
                .withType("kubernetes.io/tls");
        for (String k : keys) {
            b.addToData(k, Base64.getEncoder().encodeToString(("pem of " + k).getBytes()));
        }
        return b.build();
    }

    /** An Opaque Secret with {@code keys}: what a user may bring, complete or not. */
    public static Secret opaqueSecret(String ns, String name, String... keys) {
        Secret s = tlsSecret(ns, name, keys);
        s.setType("Opaque");
        return s;
    }

    public static Map<String, String> route(String type) {
        return Map.of(Keys.EXPOSE_ROUTE, type);
    }
}
