package com.kubedc.net.ops;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.support.Fixtures;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Health and metrics endpoints: ready once informers sync; metric labels never name objects. */
@Tag("server")
@QuarkusTest
class OperationsTest {
    @Inject
    KubernetesClient client;

    @Inject
    io.vertx.core.Vertx vertx;

    @Test
    void readinessIsUpOnceTheControllersInformersHaveSynced() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body(containsString("\"project\""), containsString("\"eip\""));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void metricsAreExposedWithBoundedLabels() {
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("ops")
                        .endMetadata()
                        .build())
                .create();
        client.resource(Fixtures.project("ops", "metrics-probe", "10.0.0.0/24", "cloud"))
                .create();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> given().when()
                        .get("/q/metrics")
                        .then()
                        .extract()
                        .asString()
                        .contains("kubedc_reconciliations_total"));
        String metrics = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(metrics.contains("kubedc_reconcile_duration_seconds"), "reconcile timer");
        assertTrue(
                Pattern.compile("kubedc_reconciliations_total\\{controller=\"project\"")
                        .matcher(metrics)
                        .find(),
                metrics);
        assertFalse(metrics.contains("metrics-probe"), "no object name may appear in a metric label");
        assertFalse(metrics.contains("namespace=\"ops\""), "no namespace label");
    }

    @Test
    void theControllersClientReadsObjectsWithoutManagedFields() {
        String name = "lean-reads";
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .build())
                .create();
        var server = com.kubedc.net.support.TestCluster.get()
                .client
                .namespaces()
                .withName(name)
                .get();
        assertFalse(
                server.getMetadata().getManagedFields().isEmpty(), "the server keeps them (another client sees them)");
        assertTrue(client.namespaces()
                .withName(name)
                .get()
                .getMetadata()
                .getManagedFields()
                .isEmpty());
        assertTrue(client.namespaces().list().getItems().stream()
                .allMatch(n -> n.getMetadata().getManagedFields().isEmpty()));
        client.namespaces().withName(name).delete();
    }

    @Test
    void theControllersClientRetriesSoonEnoughForTheLeaderToRenewWithinItsDeadline() {
        var config = client.getConfiguration();
        // 50 ms doubling, capped by fabric8 at 2^5: attempts at most 1.6 s apart (a bare "50" would mean 50 s)
        assertEquals(50, config.getRequestRetryBackoffInterval());
        assertEquals(10, config.getRequestRetryBackoffLimit());
    }

    @Test
    void theEventLoopsAreTwoWhateverTheCoresSoIdleThreadsDoNotGrowWithTheNode() {
        // Quarkus' default is two per core (4 on this 2-core machine, 32 on a 16-core node); the
        // client's connections, spread over all loops, would start each of them
        var loops = ((io.vertx.core.impl.VertxInternal) vertx).getEventLoopGroup();
        int n = 0;
        for (var ignored : loops) {
            n++;
        }
        assertEquals(2, n, "event loops in the group the client and the HTTP server share");
    }
}
