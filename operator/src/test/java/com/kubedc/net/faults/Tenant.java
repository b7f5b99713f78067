package com.kubedc.net.faults;

import static org.awaitility.Awaitility.await;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.FIp;
import com.kubedc.net.api.v1.Project;
import com.kubedc.net.gatewayroute.RouteReasons;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.support.Services;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One tenant's Project {@code org/name} (cidr 10.{a}.{b}.0/24) with what tenants put in it: an
 * EIp {@code e1}, an FIp {@code f1} on an address of the project (its own EIp), a LoadBalancer
 * Service {@code lb} and a LoadBalancer Service {@code web} also exposed by an HTTPS route on its own hostname
 * (a Certificate and a Gateway listener of its own).
 */
record Tenant(KubernetesClient c, String org, String name, int a, int b) {
    static final Duration WAIT = Duration.ofSeconds(120);

    String ns() {
        return org + "-" + name;
    }

    String cidr() {
        return "10." + a + "." + b + ".0/24";
    }

    String host() {
        return name + "-" + org + ".example.com";
    }

    static void organization(KubernetesClient c, String org) {
        if (c.namespaces().withName(org).get() == null) {
            c.resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(org)
                            .endMetadata()
                            .build())
                    .create();
        }
    }

    void createProject() {
        organization(c, org);
        c.resource(Fixtures.project(org, name, cidr(), "cloud")).create();
    }

    Project project() {
        return c.resources(Project.class).inNamespace(org).withName(name).get();
    }

    boolean projectReady() {
        Project p = project();
        return p != null && p.getStatus() != null && p.getStatus().isReady();
    }

    void createChildren() {
        c.resource(Fixtures.eip(ns(), "e1")).create();
        c.resource(Fixtures.fip(ns(), "f1", null, "10." + a + "." + b + ".10")).create();
        c.resource(Services.loadBalancer(ns(), "lb", new HashMap<>(), "http:80>8080"))
                .create();
        Service web = Services.loadBalancer(
                ns(),
                "web",
                new HashMap<>(Map.of(Keys.EXPOSE_ROUTE, "https", Keys.ROUTE_HOSTNAME, host())),
                "http:80>8080");
        c.resource(web).create();
    }

    /** Project, children created and converged, in one go. */
    void createAndConverge() {
        createProject();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(this::projectReady);
        createChildren();
        awaitConverged();
    }

    /** Every child reports what it was asked for: addresses, the route usable and published. */
    boolean converged() {
        return projectReady()
                && !addresses().containsValue(null)
                && RouteReasons.ROUTE_USABLE.equals(routeReason())
                && annotation("web", Keys.ROUTE_HOSTNAME_STATUS) != null;
    }

    void awaitConverged() {
        try {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(this::converged);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(ns() + " did not converge: " + addresses() + " route " + routeReason(), e);
        }
    }

    String routeReason() {
        Service s = c.services().inNamespace(ns()).withName("web").get();
        return s == null || s.getStatus() == null
                ? null
                : Conditions.reason(s.getStatus().getConditions(), RouteReasons.ROUTE_READY);
    }

    String annotation(String svc, String key) {
        Service s = c.services().inNamespace(ns()).withName(svc).get();
        return s == null || s.getMetadata().getAnnotations() == null
                ? null
                : s.getMetadata().getAnnotations().get(key);
    }

    /** The addresses the tenant sees: gateway, EIp, FIp, load balancer ingress, route hostname (null: not yet). */
    Map<String, String> addresses() {
        Map<String, String> m = new TreeMap<>();
        Project p = project();
        m.put(
                "project.gatewayIP",
                p == null || p.getStatus() == null ? null : p.getStatus().getGatewayIP());
        EIp e = c.resources(EIp.class).inNamespace(ns()).withName("e1").get();
        m.put(
                "eip/e1",
                e == null || e.getStatus() == null || !e.getStatus().isReady()
                        ? null
                        : e.getStatus().getIpAddress());
        FIp f = c.resources(FIp.class).inNamespace(ns()).withName("f1").get();
        m.put(
                "fip/f1",
                f == null || f.getStatus() == null || !f.getStatus().isReady()
                        ? null
                        : f.getStatus().getExternalIP());
        Service lb = c.services().inNamespace(ns()).withName("lb").get();
        m.put(
                "svc/lb",
                lb == null
                                || lb.getStatus() == null
                                || lb.getStatus().getLoadBalancer() == null
                                || lb.getStatus().getLoadBalancer().getIngress() == null
                                || lb.getStatus().getLoadBalancer().getIngress().isEmpty()
                        ? null
                        : lb.getStatus().getLoadBalancer().getIngress().get(0).getIp());
        m.put("svc/web route", annotation("web", Keys.ROUTE_HOSTNAME_STATUS));
        return m;
    }

    void deleteProject() {
        c.resources(Project.class).inNamespace(org).withName(name).delete();
    }

    boolean gone() {
        return project() == null && c.namespaces().withName(ns()).get() == null;
    }

    void awaitGone() {
        try {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(this::gone);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Project p = project();
            throw new AssertionError(
                    org + "/" + name + " not gone: project "
                            + (p == null ? "gone" : p.getMetadata().getFinalizers() + " " + p.getStatus())
                            + ", namespace " + c.namespaces().withName(ns()).get(),
                    e);
        }
    }
}
