package com.kubedc.net.sandbox;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.Project;
import com.kubedc.net.testkit.Repo;
import com.kubedc.net.testkit.Sandbox;
import com.kubedc.net.thirdparty.kubeovn.OvnSnatRule;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
import com.kubedc.net.thirdparty.kubeovn.Vpc;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.RouteIntent;
import com.kubedc.net.vocabulary.ServiceBinding;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./sandbox.sh} and {@code ./bench.sh}: an API server (real where its binaries are built, the
 * mock otherwise), the Kube-OVN and Gateway emulators, a local OVN NB, then the packaged operator as
 * its own process against them; then the examples and a summary, or one benchmark.
 */
public final class Main {
    /** The mock server logs every request at INFO: kept quiet (held here, so the setting is not collected with the logger). */
    static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    private Main() {}

    public static void main(String[] args) throws Exception {
        // the testkit logs through JBoss Logging, here onto java.util.logging: one line per record, like the operator's
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT.%1$tL %4$-7s [%3$s] %5$s%6$s%n");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
        int port = Settings.number("kube-dc.sandbox.port", 6443);
        boolean mock = Boolean.parseBoolean(Settings.get("kube-dc.sandbox.mock", "false"));
        Sandbox sandbox = Sandbox.start(port, Repo.path("target", "sandbox", "kubeconfig"), mock);
        System.out.println(
                "kube-dc-net sandbox: API server: " + sandbox.backend().describe());
        Map<String, String> fixed = new HashMap<>(sandbox.backend().clientSettings());
        String nbAddress = Settings.get("kube-dc.ovn-db-ips", "");
        if (nbAddress.isBlank()) {
            nbAddress = sandbox.startNb();
            if (nbAddress == null) {
                System.out.println(
                        "kube-dc-net sandbox: ovsdb-server not found (./scripts/prerequisites.sh installs ovn-central): "
                                + "LoadBalancer Services will not be programmed");
            }
        }
        if (nbAddress != null && !nbAddress.isBlank()) {
            fixed.put("kube-dc.ovn-db-ips", nbAddress);
        }
        Map<String, String> operatorSettings = Settings.operator(fixed);
        sandbox.seedGateway(operatorSettings.get("kube-dc.base-domain"));
        boolean benchmark = Settings.number("kube-dc.sandbox.benchmark", 0) > 0
                || Settings.number("kube-dc.sandbox.benchmark-services", 0) > 0
                || Settings.number("kube-dc.sandbox.benchmark-routes", 0) > 0
                || Settings.number("kube-dc.sandbox.benchmark-startup", 0) > 0;
        OperatorProcess operator = OperatorProcess.start(operatorSettings, benchmark);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            operator.close();
                            sandbox.close();
                        },
                        "sandbox-stop"));
        if (!operator.awaitReady(Duration.ofMinutes(2))) {
            System.err.println("kube-dc-net sandbox: the operator (pid " + operator.pid()
                    + ") did not become ready; see its log above");
            System.exit(1);
        }
        int code = benchmark ? benchmark(sandbox, operator) : examples(sandbox, operator);
        System.exit(code);
    }

    static int benchmark(Sandbox sandbox, OperatorProcess operator) throws Exception {
        int routes = Settings.number("kube-dc.sandbox.benchmark-routes", 0);
        int services = Settings.number("kube-dc.sandbox.benchmark-services", 0);
        int projects = Settings.number("kube-dc.sandbox.benchmark", 0);
        int starts = Settings.number("kube-dc.sandbox.benchmark-startup", 0);
        // ./bench.sh memory N M (M may be 0: Projects only)
        boolean memory = Boolean.parseBoolean(Settings.get("kube-dc.sandbox.benchmark-memory", "false"));
        if (projects > 0 && (services > 0 || memory)) {
            System.out.println(
                    "\n" + MemoryBenchmark.HEADER + "\n" + MemoryBenchmark.run(sandbox, operator, projects, services));
            if (starts > 0) {
                System.out.println("\n" + StartupBenchmark.HEADER + "\n"
                        + StartupBenchmark.run(operator, projects + " Projects + " + services + " Services", starts));
            }
        } else if (starts > 0) {
            System.out.println("\n" + StartupBenchmark.HEADER + "\n"
                    + StartupBenchmark.run(operator, "nothing (empty cluster)", starts));
        } else if (routes > 0) {
            System.out.println("\n" + RouteBenchmark.HEADER + "\n" + RouteBenchmark.run(sandbox, operator, routes));
        } else if (services > 0) {
            System.out.println(
                    "\n" + ServiceBenchmark.HEADER + "\n" + ServiceBenchmark.run(sandbox, operator, services));
        } else {
            int n = Settings.number("kube-dc.sandbox.benchmark", 0);
            int k = Settings.number("kube-dc.sandbox.benchmark-addresses", 0);
            System.out.println("\n" + Benchmark.HEADER + "\n" + Benchmark.run(sandbox, operator, n, k));
        }
        return 0;
    }

    /** Applies the examples, waits until they settle (at most a minute), prints the summary, serves until Ctrl-C. */
    static int examples(Sandbox sandbox, OperatorProcess operator) throws Exception {
        KubernetesClient c = sandbox.client();
        Path dir = Path.of(
                Settings.get("kube-dc.sandbox.examples", Repo.path("examples").toString()));
        List<String> created = sandbox.apply(dir);
        System.out.println("\nkube-dc-net sandbox: API server "
                + sandbox.backend().url() + ", applied " + created.size() + " object(s) from " + dir + "/");
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline && !(allReady(c) && servicesSettled(c))) {
            Thread.sleep(250);
        }
        System.out.println();
        System.out.print(SandboxSummary.render(
                c.resources(Project.class).inAnyNamespace().list().getItems(),
                c.resources(Vpc.class).list().getItems(),
                c.resources(Subnet.class).list().getItems(),
                c.resources(EIp.class).inAnyNamespace().list().getItems(),
                c.resources(OvnSnatRule.class).list().getItems()));
        System.out.println();
        System.out.print(
                SandboxSummary.services(c.services().inAnyNamespace().list().getItems()));
        System.out.println();
        System.out.print(
                SandboxSummary.routes(c.services().inAnyNamespace().list().getItems()));
        if (sandbox.nb() != null) {
            System.out.println("\nOVN NB: " + sandbox.nb().endpoint() + "   try: ovn-nbctl --db="
                    + sandbox.nb().endpoint() + " lb-list");
        }
        System.out.println("""

                Try:  export KUBECONFIG=%s
                      kubectl get projects,eips,fips -A
                      kubectl get vpcs,subnets,ovn-eips,ovn-snat-rules
                      kubectl get httproutes,tlsroutes,grpcroutes,backends,certificates -A
                      kubectl apply -f examples/        (more in docs/sandbox.md)
                The operator runs as pid %d. Health and metrics: http://localhost:%d/q/health  http://localhost:%d/q/metrics
                Ctrl-C stops the sandbox.
                """.formatted(
                sandbox.kubeconfig().toAbsolutePath(), operator.pid(), operator.httpPort(), operator.httpPort()));
        while (operator.alive()) {
            Thread.sleep(1000);
        }
        System.err.println("kube-dc-net sandbox: the operator exited");
        return 1;
    }

    /** Every LoadBalancer Service we program shows an address or a reason, and every route a hostname or a reason. */
    static boolean servicesSettled(KubernetesClient c) {
        List<Service> all = c.services().inAnyNamespace().list().getItems();
        return all.stream().filter(ServiceBinding::managed).allMatch(s -> settled(s, Keys.LOAD_BALANCER_READY))
                && all.stream()
                        .filter(s -> RouteIntent.of(s) != RouteIntent.NONE)
                        .allMatch(s -> settled(s, Keys.ROUTE_READY));
    }

    static boolean settled(Service s, String type) {
        String reason =
                s.getStatus() == null ? null : Conditions.reason(s.getStatus().getConditions(), type);
        return reason != null && !reason.startsWith("Waiting");
    }

    static boolean allReady(KubernetesClient c) {
        List<Project> projects =
                c.resources(Project.class).inAnyNamespace().list().getItems();
        return !projects.isEmpty()
                && projects.stream()
                        .allMatch(p -> p.getStatus() != null && p.getStatus().isReady());
    }
}
