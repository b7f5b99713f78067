package com.kubedc.net.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Transient errors are retried forever with a capped backoff; every object is re-checked at least every 10 minutes. */
@Tag("server")
@QuarkusTest
class RetryConfigurationTest {
    @Inject
    Operator operator;

    @ParameterizedTest
    @ValueSource(strings = {"project", "eip"})
    void retriesNeverGiveUpAndBackOffToAMinute(String controller) {
        var config = operator.getRegisteredController(controller).orElseThrow().getConfiguration();
        GenericRetry retry = (GenericRetry) config.getRetry();
        assertEquals(-1, retry.getMaxAttempts());
        assertEquals(500, retry.getInitialInterval());
        assertEquals(60_000, retry.getMaxInterval());
        assertEquals(Duration.ofMinutes(10), config.maxReconciliationInterval().orElseThrow());
    }
}
