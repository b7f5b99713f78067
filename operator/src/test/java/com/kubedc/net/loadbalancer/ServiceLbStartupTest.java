package com.kubedc.net.loadbalancer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kubedc.net.support.FreshOperators;
import com.kubedc.net.support.NbTestResource;
import com.kubedc.net.support.Routes;
import com.kubedc.net.support.Services;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.Operator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * At start-up our finalizers leave the Services we no longer program (an older version finalized
 * Services outside project namespaces; a class changed while we were down): the informer's first
 * list reconciles every Service holding one. Other finalizers, and Services of other classes, are
 * left as they are.
 */
@Tag("server")
@QuarkusTest
@QuarkusTestResource(value = NbTestResource.class, restrictToAnnotatedClass = true)
class ServiceLbStartupTest {
    static final String FOREIGN = "example.com/keep";

    @Inject
    Operator application;

    @Inject
    FreshOperators operators;

    @AfterEach
    void stopRestartedControllers() {
        operators.stopAll();
    }

    @Test
    void servicesWeNoLongerProgramLoseOurFinalizersAtStartAndNothingElse() {
        TestCluster cluster = TestCluster.get();
        String project = cluster.readyProject("boot", "one", "10.51.0.0/24");
        application.stop(); // kube-dc-net is down while the following happens
        cluster.organization("platform-z");

        Service old = Services.loadBalancer("platform-z", "ingress", Routes.route("http"), "http:80>80");
        old.getMetadata().setFinalizers(List.of(Keys.LOADBALANCER_FINALIZER, FOREIGN, Keys.ROUTE_FINALIZER));
        cluster.client.resource(old).create();
        Service reclassed = Services.loadBalancer(project, "moved", Map.of(), "http:80>80");
        reclassed.getSpec().setLoadBalancerClass("metallb");
        reclassed.getMetadata().setFinalizers(List.of(FOREIGN, Keys.LOADBALANCER_FINALIZER));
        cluster.client.resource(reclassed).create();
        Service metallb = Services.loadBalancer(project, "vip", Map.of(), "http:80>80");
        metallb.getSpec().setLoadBalancerClass("metallb");
        metallb.getMetadata().setFinalizers(List.of(FOREIGN));
        String metallbVersion =
                cluster.client.resource(metallb).create().getMetadata().getResourceVersion();

        operators.start();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> finalizers(cluster, "platform-z", "ingress").equals(List.of(FOREIGN))
                        && finalizers(cluster, project, "moved").equals(List.of(FOREIGN)));
        cluster.awaitQuiet();
        assertEquals(List.of(FOREIGN), finalizers(cluster, "platform-z", "ingress"));
        assertEquals(List.of(FOREIGN), finalizers(cluster, project, "moved"));
        Service vip =
                cluster.client.services().inNamespace(project).withName("vip").get();
        assertEquals(metallbVersion, vip.getMetadata().getResourceVersion(), "another class's Service is not written");
        assertEquals(List.of(FOREIGN), vip.getMetadata().getFinalizers());

        for (String[] s : List.of(
                new String[] {"platform-z", "ingress"}, new String[] {project, "moved"}, new String[] {project, "vip"
                })) {
            cluster.client.services().inNamespace(s[0]).withName(s[1]).edit(x -> {
                x.getMetadata().setFinalizers(List.of());
                return x;
            });
        }
    }

    static List<String> finalizers(TestCluster c, String ns, String name) {
        Service s = c.client.services().inNamespace(ns).withName(name).get();
        return s.getMetadata().getFinalizers() == null
                ? List.of()
                : s.getMetadata().getFinalizers();
    }
}
