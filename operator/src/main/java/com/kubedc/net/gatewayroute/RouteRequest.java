package com.kubedc.net.gatewayroute;

import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a Service's route annotations ask for, checked: the route type, the hostname (chosen or
 * generated), the Service port routed, the TLS source (own Secret or a Certificate from an
 * issuer) and the per-Service listener, if the type needs one (Decision 8). Pure.
 *
 * @param listener {@code https-<svc>-<ns>} / {@code tls-<svc>-<ns>}, or null when the route uses a shared listener
 * @param issuer {@code Kind/name} of the cert-manager issuer; null with an own {@code tlsSecret}
 */
public record RouteRequest(
        RouteType type,
        String hostname,
        boolean generatedHostname,
        ServicePort port,
        String listener,
        String tlsSecret,
        String issuer) {

    /** A refusal: the condition reason and its message. */
    public record Problem(String reason, String message) {}

    /** Either a request or why there is none. */
    public record Parsed(RouteRequest request, Problem problem) {
        static Parsed bad(String reason, String message) {
            return new Parsed(null, new Problem(reason, message));
        }
    }

    public static final String DEFAULT_ISSUER = "Issuer/letsencrypt";

    /** Reads {@code s}'s annotations; {@code baseDomain} and {@code defaultIssuer} ({@code Kind/name}) from configuration. */
    public static Parsed parse(Service s, Optional<String> baseDomain, Optional<String> defaultIssuer) {
        Map<String, String> a = s.getMetadata().getAnnotations() == null
                ? Map.of()
                : s.getMetadata().getAnnotations();
        String raw = a.get(Keys.EXPOSE_ROUTE);
        Optional<RouteType> type = RouteType.parse(raw);
        if (type.isEmpty()) {
            return Parsed.bad(
                    RouteReasons.INVALID_ROUTE_TYPE,
                    Keys.EXPOSE_ROUTE + " \"" + raw + "\" is not one of http, https, tls-passthrough, grpc");
        }
        Optional<ServicePort> port = port(s, a.get(Keys.ROUTE_PORT));
        if (port.isEmpty()) {
            return Parsed.bad(
                    RouteReasons.INVALID_ROUTE_PORT,
                    Keys.ROUTE_PORT + " \"" + a.get(Keys.ROUTE_PORT) + "\" is not a port of Service "
                            + s.getMetadata().getName());
        }
        String tlsSecret = blankToNull(a.get(Keys.TLS_SECRET));
        String chosen = blankToNull(a.get(Keys.ROUTE_HOSTNAME));
        if (tlsSecret != null && !type.get().terminatesTls()) {
            return Parsed.bad(
                    RouteReasons.TLS_SECRET_NOT_APPLICABLE, Keys.TLS_SECRET + " only applies to https and grpc routes");
        }
        if (tlsSecret != null && chosen == null) {
            return Parsed.bad(
                    RouteReasons.TLS_SECRET_NEEDS_HOSTNAME,
                    Keys.TLS_SECRET + " needs " + Keys.ROUTE_HOSTNAME + ": the hostname must match the certificate");
        }
        String base = baseDomain.map(String::trim).filter(d -> !d.isEmpty()).orElse(null);
        if (chosen == null && base == null) {
            return Parsed.bad(
                    RouteReasons.NO_BASE_DOMAIN, "no " + Keys.ROUTE_HOSTNAME + " and kube-dc.base-domain is not set");
        }
        String ns = s.getMetadata().getNamespace();
        String name = s.getMetadata().getName();
        String host = chosen != null ? chosen.toLowerCase(java.util.Locale.ROOT) : Hostnames.generated(name, ns, base);
        Optional<String> bad = Hostnames.problem(host);
        if (bad.isPresent()) {
            return Parsed.bad(
                    RouteReasons.INVALID_HOSTNAME,
                    bad.get()
                            + (chosen == null
                                    ? " (generated from <service>-<namespace>; set " + Keys.ROUTE_HOSTNAME + ")"
                                    : ""));
        }
        if (chosen != null && base != null) {
            Optional<String> other = Hostnames.reservedForAnother(host, ns, base);
            if (other.isPresent()) {
                return Parsed.bad(
                        RouteReasons.HOSTNAME_RESERVED,
                        "hostname " + host + " has the shape <service>-<namespace>." + base
                                + " of the names generated for namespace " + other.get() + ": under " + base
                                + " choose <name>-" + ns + "." + base
                                + " or a name that is not of that shape");
            }
        }
        String listener = switch (type.get()) {
            case HTTP -> null;
            case HTTPS, GRPC -> httpsListener(name, ns);
            case TLS_PASSTHROUGH -> base != null && host.endsWith("." + base) ? null : tlsListener(name, ns);
        };
        String issuer = tlsSecret != null || !type.get().terminatesTls()
                ? null
                : Optional.ofNullable(blankToNull(a.get(Keys.TLS_ISSUER)))
                        .map(i -> "Issuer/" + i)
                        .orElse(defaultIssuer
                                .map(String::trim)
                                .filter(d -> !d.isEmpty())
                                .map(d -> d.contains("/") ? d : "Issuer/" + d)
                                .orElse(DEFAULT_ISSUER));
        return new Parsed(
                new RouteRequest(type.get(), host, chosen == null, port.get(), listener, tlsSecret, issuer), null);
    }

    static String httpsListener(String svc, String ns) {
        return "https-" + svc + "-" + ns;
    }

    static String tlsListener(String svc, String ns) {
        return "tls-" + svc + "-" + ns;
    }

    /** Every listener name a Service of this name may have had on the Gateway. */
    static List<String> listenerNames(String svc, String ns) {
        return List.of(httpsListener(svc, ns), tlsListener(svc, ns));
    }

    /** The routed port: {@code route-port} (a port number of the Service) or the first. */
    static Optional<ServicePort> port(Service s, String routePort) {
        List<ServicePort> ports = s.getSpec() == null || s.getSpec().getPorts() == null
                ? List.of()
                : s.getSpec().getPorts();
        if (routePort == null || routePort.isBlank()) {
            return ports.stream().findFirst();
        }
        return ports.stream()
                .filter(p -> String.valueOf(p.getPort()).equals(routePort.trim()))
                .findFirst();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
