package com.kubedc.net.project;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.FIp;
import com.kubedc.net.api.v1.FIpSpec;
import com.kubedc.net.api.v1.VmTarget;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.thirdparty.kubevirt.VirtualMachineInstance;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What {@code kubectl get <kind> -o wide} shows for converged objects: the API server's Table
 * rendering of our CRDs' printer columns (the columns, their order, and each cell's value).
 */
@Tag("server")
@QuarkusTest
class PrinterColumnsServedTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String ORG = "columns";

    TestCluster cluster;

    @BeforeEach
    void cluster() {
        cluster = TestCluster.get();
    }

    /** The server-side Table of {@code path}, as kubectl requests it. */
    JsonNode table(String path) throws Exception {
        HttpClient http = cluster.client.getHttpClient();
        HttpRequest request = http.newHttpRequestBuilder()
                .uri(cluster.client.getMasterUrl() + path)
                .setHeader("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io")
                .build();
        HttpResponse<String> response = http.sendAsync(request, String.class).get(10, TimeUnit.SECONDS);
        assertEquals(200, response.code(), response.body());
        return Serialization.unmarshal(response.body(), JsonNode.class);
    }

    /** Column name and priority, in display order. */
    static List<String> columns(JsonNode table) {
        List<String> out = new ArrayList<>();
        table.path("columnDefinitions")
                .forEach(c -> out.add(
                        c.path("name").asText() + "|" + c.path("priority").asInt()));
        return out;
    }

    /** The cells of the row named {@code name}, Age left out (it changes by the second). */
    static List<String> row(JsonNode table, String name) {
        int age = columns(table).indexOf("Age|0");
        for (JsonNode r : table.path("rows")) {
            if (name.equals(r.path("cells").get(0).asText())) {
                List<String> out = new ArrayList<>();
                for (int i = 0; i < r.path("cells").size(); i++) {
                    if (i != age) {
                        out.add(r.path("cells").get(i).asText());
                    }
                }
                assertFalse(r.path("cells").get(age).asText().isEmpty(), "Age is shown");
                return out;
            }
        }
        throw new AssertionError("no row " + name + " in " + table);
    }

    @Test
    void projectsEipsAndFipsListTheirColumnsInOrderWithTheConvergedValues() throws Exception {
        String ns = cluster.readyProject(ORG, "web", "10.9.0.0/24");
        EIp gw = cluster.client
                .resources(EIp.class)
                .inNamespace(ns)
                .withName("default-gw")
                .get();
        String gatewayIp = gw.getStatus().getIpAddress();
        assertTrue(gatewayIp != null && !gatewayIp.isEmpty());
        await().atMost(WAIT)
                .until(() ->
                        gatewayIp.equals(cluster.get(ORG, "web").getStatus().getGatewayIP()));

        JsonNode projects = table("apis/kube-dc.com/v1/namespaces/" + ORG + "/projects");
        assertEquals(
                List.of("Name|0", "Ready|0", "Project Namespace|0", "Egress|1", "Gateway IP|1", "Age|0"),
                columns(projects));
        assertEquals(List.of("web", "True", ns, "cloud", gatewayIp), row(projects, "web"));

        JsonNode eips = table("apis/kube-dc.com/v1/namespaces/" + ns + "/eips");
        assertEquals(List.of("Name|0", "External IP|0", "Ready|0", "Age|0", "Ownership|0"), columns(eips));
        await().atMost(WAIT)
                .until(() -> "Shared"
                        .equals(cluster.client
                                .resources(EIp.class)
                                .inNamespace(ns)
                                .withName("default-gw")
                                .get()
                                .getStatus()
                                .getOwnershipType()));
        assertEquals(
                List.of("default-gw", gatewayIp, "true", "Shared"),
                row(table("apis/kube-dc.com/v1/namespaces/" + ns + "/eips"), "default-gw"));

        cluster.client.resource(vmi(ns, "ubuntu", "10.9.0.10")).create();
        cluster.client.resource(fipForVm(ns, "ssh", "ubuntu", "vpc_net_0")).create();
        await().atMost(WAIT).until(() -> {
            FIp f = cluster.client
                    .resources(FIp.class)
                    .inNamespace(ns)
                    .withName("ssh")
                    .get();
            return f.getStatus() != null && f.getStatus().isReady();
        });
        FIp fip = cluster.client
                .resources(FIp.class)
                .inNamespace(ns)
                .withName("ssh")
                .get();
        JsonNode fips = table("apis/kube-dc.com/v1/namespaces/" + ns + "/fips");
        assertEquals(
                List.of("Name|0", "Target IP|0", "External IP|0", "VM|0", "Interface|0", "Ready|0"), columns(fips));
        assertEquals(
                List.of("ssh", "10.9.0.10", fip.getStatus().getExternalIP(), "ubuntu", "vpc_net_0", "true"),
                rowWithoutAge(fips, "ssh"));
    }

    /** FIp has no Age column (upstream's columns). */
    static List<String> rowWithoutAge(JsonNode table, String name) {
        for (JsonNode r : table.path("rows")) {
            if (name.equals(r.path("cells").get(0).asText())) {
                List<String> out = new ArrayList<>();
                r.path("cells").forEach(c -> out.add(c.asText()));
                return out;
            }
        }
        throw new AssertionError("no row " + name + " in " + table);
    }

    static VirtualMachineInstance vmi(String ns, String name, String ip) {
        VirtualMachineInstance v = new VirtualMachineInstance();
        v.setMetadata(new ObjectMetaBuilder().withNamespace(ns).withName(name).build());
        v.setStatus(new VirtualMachineInstance.Status(
                List.of(new VirtualMachineInstance.Interface(
                        "vpc_net_0", "eth0", ip, null, "02:00:00:00:00:09", "domain")),
                "Running"));
        return v;
    }

    static FIp fipForVm(String ns, String name, String vm, String iface) {
        FIp f = new FIp();
        f.setMetadata(new ObjectMetaBuilder().withNamespace(ns).withName(name).build());
        FIpSpec s = new FIpSpec();
        VmTarget t = new VmTarget();
        t.setVmName(vm);
        t.setInterfaceName(iface);
        s.setVmTarget(t);
        f.setSpec(s);
        return f;
    }
}
