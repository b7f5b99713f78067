package com.kubedc.net.app;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.Project;
import com.kubedc.net.config.KubeDcConfig;
import com.kubedc.net.sandbox.Sandbox;
import com.kubedc.net.sandbox.SandboxSummary;
import com.kubedc.net.thirdparty.kubeovn.OvnSnatRule;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
import com.kubedc.net.thirdparty.kubeovn.Vpc;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import com.kubedc.net.common.Conditions;
import com.kubedc.net.gatewayroute.RouteIntent;
import com.kubedc.net.gatewayroute.RouteReasons;
import com.kubedc.net.loadbalancer.LbBinding;
import com.kubedc.net.loadbalancer.LbReasons;

/** The sandbox's foreground: apply the examples, wait for the Projects, print what they got, keep serving. */
public class SandboxApp implements QuarkusApplication {
    static volatile Sandbox sandbox;

    @Inject
    KubeDcConfig config;
    @Inject
    com.kubedc.net.ovn.NbLoadBalancers nb;

    @Override
    public int run(String... args) throws Exception {
        KubernetesClient c = sandbox.client();
        if (config.sandbox().benchmark() > 0 && config.sandbox().benchmarkServices() > 0) {
            String row = MemoryBenchmark.run(sandbox, config.sandbox().benchmark(), config.sandbox().benchmarkServices());
            System.out.println("\n" + MemoryBenchmark.HEADER + "\n" + row);
            return 0;
        }
        if (config.sandbox().benchmarkRoutes() > 0) {
            String row = RouteBenchmark.run(sandbox, config.sandbox().benchmarkRoutes());
            System.out.println("\n" + RouteBenchmark.HEADER + "\n" + row);
            return 0;
        }
        if (config.sandbox().benchmarkServices() > 0) {
            String row = ServiceBenchmark.run(sandbox, nb, config.sandbox().benchmarkServices());
            System.out.println("\n" + ServiceBenchmark.HEADER + "\n" + row);
            return 0;
        }
        if (config.sandbox().benchmark() > 0) {
            String row = Benchmark.run(sandbox, config.sandbox().benchmark(), config.sandbox().benchmarkAddresses());
            System.out.println("\n" + Benchmark.HEADER + "\n" + row);
            return 0;
        }
        List<String> created = sandbox.apply(Path.of(config.sandbox().examples()));
        System.out.println("\nkube-dc-net sandbox: API server " + sandbox.backend().url() + ", applied " + created.size()
                + " object(s) from " + config.sandbox().examples() + "/");
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
        System.out.print(SandboxSummary.services(c.services().inAnyNamespace().list().getItems()));
        System.out.println();
        System.out.print(SandboxSummary.routes(c.services().inAnyNamespace().list().getItems()));
        if (sandbox.nb() != null) {
            System.out.println("\nOVN NB: " + sandbox.nb().endpoint() + "   try: ovn-nbctl --db=" + sandbox.nb().endpoint() + " lb-list");
        }
        System.out.println("""

                Try:  export KUBECONFIG=%s
                      kubectl get projects,eips,fips -A
                      kubectl get vpcs,subnets,ovn-eips,ovn-snat-rules
                      kubectl get httproutes,tlsroutes,grpcroutes,backends,certificates -A
                      kubectl apply -f examples/        (more in docs/sandbox.md)
                Health and metrics: http://localhost:8080/q/health  http://localhost:8080/q/metrics
                Ctrl-C stops the sandbox.
                """.formatted(sandbox.kubeconfig().toAbsolutePath()));
        Quarkus.waitForExit();
        return 0;
    }

    /** Every LoadBalancer Service we program shows an address or a reason, and every route a hostname or a reason. */
    static boolean servicesSettled(KubernetesClient c) {
        List<io.fabric8.kubernetes.api.model.Service> all = c.services().inAnyNamespace().list().getItems();
        return all.stream().filter(LbBinding::managed).allMatch(s -> settled(s, LbReasons.LOAD_BALANCER_READY))
                && all.stream().filter(s -> RouteIntent.of(s) != RouteIntent.NONE).allMatch(s -> settled(s, RouteReasons.ROUTE_READY));
    }

    static boolean settled(io.fabric8.kubernetes.api.model.Service s, String type) {
        String reason = s.getStatus() == null ? null : Conditions.reason(s.getStatus().getConditions(), type);
        return reason != null && !reason.startsWith("Waiting");
    }

    static boolean allReady(KubernetesClient c) {
        List<Project> projects = c.resources(Project.class).inAnyNamespace().list().getItems();
        return !projects.isEmpty() && projects.stream().allMatch(p -> p.getStatus() != null && p.getStatus().isReady());
    }
}
