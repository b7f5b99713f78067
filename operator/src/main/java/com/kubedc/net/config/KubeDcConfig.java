package com.kubedc.net.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * All kube-dc-net settings, read once at start-up. Keys follow upstream's {@code master-config}
 * Secret ({@code base_domain} becomes {@code kube-dc.base-domain}, env {@code KUBE_DC_BASE_DOMAIN}).
 * Every key is listed with its default in {@code docs/configuration.md}.
 */
@ConfigMapping(prefix = "kube-dc")
public interface KubeDcConfig {

    /** OVN Northbound endpoints, {@code tcp:<ip>:6641[,tcp:<ip>:6641...]} ({@code ovn_db_ips}). */
    @WithName("ovn-db-ips")
    Optional<String> ovnDbIps();

    /** Network type of an EIp without {@code externalNetworkType} ({@code default_eip_network_type}). */
    @WithName("default-eip-network-type")
    @WithDefault("cloud")
    String defaultEipNetworkType();

    /** Network type of an FIp without {@code eip} or {@code externalNetworkType} ({@code default_fip_network_type}). */
    @WithName("default-fip-network-type")
    @WithDefault("cloud")
    String defaultFipNetworkType();

    /** Maintain the {@code <svc>-ext} headless Service and Endpoints of each LoadBalancer Service (spec §7.5, Decision 5). */
    @WithName("lb-ext-companion")
    @WithDefault("true")
    boolean lbExtCompanion();

    /**
     * How long a Service annotated {@code service.nlb.kube-dc.com/autodelete: "true"} may stay
     * without a ready endpoint before it is deleted (spec §7.8; upstream states no figure).
     */
    @WithName("lb-autodelete-grace")
    @WithDefault("10m")
    Duration lbAutodeleteGrace();

    /** Network type of a Service's auto-created EIp ({@code default_svc_lb_network_type}). */
    @WithName("default-svc-lb-network-type")
    @WithDefault("cloud")
    String defaultSvcLbNetworkType();

    /** Domain of generated route hostnames, {@code <svc>-<ns>.<base-domain>} ({@code base_domain}). */
    Optional<String> baseDomain();

    /** Default certificate issuer, {@code Kind/name} or a namespaced Issuer name; empty: Issuer {@code letsencrypt}. */
    @WithName("default-tls-issuer-ref")
    Optional<String> defaultTlsIssuerRef();

    /** Drop new connections from project VPCs to external networks, except allowlisted addresses. */
    @WithDefault("true")
    boolean egressNetworkIsolation();

    /** Addresses or CIDRs every project may reach on external networks ({@code egress_global_allowlist}). */
    Optional<List<String>> egressGlobalAllowlist();

    /** Drop traffic from external networks into project VPCs, except allowlisted sources. */
    @WithDefault("false")
    boolean ingressNetworkIsolation();

    /** Sources every project accepts from external networks ({@code ingress_global_allowlist}). */
    Optional<List<String>> ingressGlobalAllowlist();

    /** Whether a Project may use {@code egressNetworkType: public} ({@code allow_public_projects}). */
    @WithDefault("false")
    boolean allowPublicProjects();

    /** Per-project VPC DNS ({@code VpcDns <ns>}). */
    VpcDnsConfig vpcDns();

    /** Project teardown. */
    TeardownConfig teardown();

    /** Leader election (production profile). */
    LeaderElectionConfig leaderElection();

    /** How statuses are written. */
    StatusConfig status();

    /** Settings of status writes. */
    interface StatusConfig {
        /**
         * How long an object's shown status may lag a step on the way ("Waiting…") before it is
         * written: steps passed faster are not written, and two step writes of one object are at
         * least this far apart. Ready and refusals are written at once. Zero writes every step.
         */
        @WithDefault("5s")
        Duration progressInterval();
    }

    /** Settings of leader election. */
    interface LeaderElectionConfig {
        /** Name of the coordination.k8s.io Lease. */
        @WithDefault("kube-dc-net-leader")
        String leaseName();

        /** Namespace of the Lease; default: the client's namespace (the pod's own). */
        Optional<String> leaseNamespace();
    }

    /** The platform's shared Gateway that routes attach to (Decision 8). */
    GatewayConfig gateway();

    /** The shared Gateway and its platform-owned listeners. */
    interface GatewayConfig {
        /**
         * Act on {@code expose-route} / {@code create-gateway-backend}. Needs the Gateway API
         * (HTTPRoute, GRPCRoute, TLSRoute, ReferenceGrant), Envoy Gateway's Backend and cert-manager's
         * Certificate kinds; on a cluster without them set false, and such Services are told so.
         */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("eg")
        String name();

        @WithDefault("envoy-gateway-system")
        String namespace();

        /** Listener plain HTTP routes attach to. */
        @WithDefault("http")
        String httpListener();

        /** Wildcard TLS-passthrough listener for hostnames under the base domain. */
        @WithDefault("tls-passthrough-wildcard")
        String passthroughListener();

        /** How often a route refused for its {@code tls-secret} (missing, incomplete) looks at the Secret again (Secrets are not watched). */
        @WithDefault("30s")
        java.time.Duration secretRecheck();
    }

    /** Settings of the per-project VpcDns. */
    interface VpcDnsConfig {
        /** Create a {@code VpcDns} for each project. */
        @WithDefault("true")
        boolean enabled();

        /** Replicas of the VPC DNS deployment Kube-OVN runs. */
        @WithDefault("1")
        int replicas();
    }

    /** Settings of project deletion. */
    interface TeardownConfig {
        /**
         * How long an object we deleted may sit with only Kube-OVN's finalizer before we remove it
         * ourselves (Kube-OVN down or wedged); the objects it depended on are gone by then.
         */
        @WithDefault("5m")
        Duration forceFinalizerAfter();

        /** Re-check interval while a teardown step waits. */
        @WithDefault("2s")
        Duration pollInterval();
    }
}
