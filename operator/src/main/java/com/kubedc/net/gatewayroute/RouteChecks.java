package com.kubedc.net.gatewayroute;

import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The refusals decided before anything is written: the user's Secret, who owns the hostname, room on the Gateway. */
final class RouteChecks {
    private RouteChecks() {}

    /** A {@code tls-secret} must exist in the Service's namespace and hold {@code tls.crt} and {@code tls.key}. */
    static Optional<RouteRequest.Problem> tlsSecret(KubernetesClient client, Service s, RouteRequest r) {
        if (r.tlsSecret() == null) {
            return Optional.empty();
        }
        if (r.tlsSecret().contains("/")) {
            // never read as a path: a Secret of another namespace is not the Service's to use
            return problem(
                    RouteReasons.TLS_SECRET_NOT_FOUND,
                    Keys.TLS_SECRET + " \"" + r.tlsSecret()
                            + "\" names a Secret of the Service's own namespace, never namespace/name");
        }
        Secret secret = client.secrets()
                .inNamespace(s.getMetadata().getNamespace())
                .withName(r.tlsSecret())
                .get();
        if (secret == null) {
            return problem(
                    RouteReasons.WAITING_FOR_TLS_SECRET,
                    "waiting for Secret " + r.tlsSecret() + " (" + Keys.TLS_SECRET
                            + "): it does not exist in namespace "
                            + s.getMetadata().getNamespace() + " (yet)");
        }
        List<String> missing = List.of("tls.crt", "tls.key").stream()
                .filter(k -> blank(secret.getData(), k) && blank(secret.getStringData(), k))
                .toList();
        return missing.isEmpty()
                ? Optional.empty()
                : problem(
                        RouteReasons.TLS_SECRET_INVALID,
                        "Secret " + r.tlsSecret() + " has no " + String.join(" and no ", missing));
    }

    /** Another Service owns the hostname (Hostnames.owner); another tenant's names are not disclosed. */
    static Optional<RouteRequest.Problem> hostnameConflict(RouteSources sources, Service s, String hostname) {
        List<Hostnames.Claim> claims = new java.util.ArrayList<>(sources.claimants(hostname).stream()
                .filter(c -> !c.getMetadata().getUid().equals(s.getMetadata().getUid()))
                .map(c -> claim(sources, c, hostname))
                .toList());
        Hostnames.Claim mine = claim(sources, s, hostname);
        claims.add(mine);
        Hostnames.Claim owner = Hostnames.owner(claims);
        if (owner.equals(mine)) {
            return Optional.empty();
        }
        String who = owner.namespace().equals(s.getMetadata().getNamespace())
                ? "Service " + owner.service()
                : "a Service of another project";
        return problem(RouteReasons.HOSTNAME_CONFLICT, "hostname " + hostname + " is already claimed by " + who);
    }

    /** Our listener needs a hostname no other listener of the Gateway serves, and room if it is new. */
    static Optional<RouteRequest.Problem> listenerRoom(Gateway gateway, RouteRequest r) {
        List<Listener> all = gateway.getSpec() == null || gateway.getSpec().getListeners() == null
                ? List.of()
                : gateway.getSpec().getListeners();
        Optional<Listener> other = all.stream()
                .filter(l -> !r.listener().equals(l.getName()) && r.hostname().equals(l.getHostname()))
                .findFirst();
        if (other.isPresent()) {
            return problem(
                    RouteReasons.HOSTNAME_CONFLICT,
                    "hostname " + r.hostname() + " is served by Gateway listener "
                            + other.get().getName());
        }
        if (!ListenerBudget.admits(all.stream().map(Listener::getName).toList(), r.listener())) {
            return problem(
                    RouteReasons.LISTENER_LIMIT_REACHED,
                    "Gateway " + gateway.getMetadata().getName() + " holds " + all.size() + " of "
                            + ListenerBudget.MAX_LISTENERS + " listeners: no room for " + r.listener());
        }
        return Optional.empty();
    }

    private static Hostnames.Claim claim(RouteSources sources, Service c, String hostname) {
        boolean holds = RouteChildren.hostnames(sources.children(c)).contains(hostname);
        return new Hostnames.Claim(
                c.getMetadata().getNamespace(),
                c.getMetadata().getName(),
                String.valueOf(c.getMetadata().getCreationTimestamp()),
                holds);
    }

    private static boolean blank(Map<String, String> data, String key) {
        return data == null || data.get(key) == null || data.get(key).isBlank();
    }

    private static Optional<RouteRequest.Problem> problem(String reason, String message) {
        return Optional.of(new RouteRequest.Problem(reason, message));
    }
}
