package com.kubedc.net.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Two writers of one condition list: each replaces and removes only its own types, and the other's keep their places. */
class SharedConditionsTest {
    static Condition c(String type, String reason) {
        return new ConditionBuilder()
                .withType(type)
                .withStatus("True")
                .withReason(reason)
                .withMessage("")
                .build();
    }

    @Test
    void oneWritersConditionsReplaceOnlyItsOwnAndKeepTheOthersInPlace() {
        List<Condition> all =
                List.of(c("lb/Ready", "Programmed"), c("route/Ready", "Accepted"), c("lb/AutoDelete", "Keep"));
        Set<String> lb = Set.of("lb/Ready", "lb/AutoDelete");
        assertEquals(List.of(c("lb/AutoDelete", "Keep"), c("lb/Ready", "Programmed")), SharedConditions.mine(all, lb));
        assertEquals(
                List.of(c("lb/Ready", "PortConflict"), c("route/Ready", "Accepted")),
                SharedConditions.merge(all, lb, List.of(c("lb/Ready", "PortConflict"))));
        assertEquals(
                List.of(c("lb/Ready", "Programmed"), c("lb/AutoDelete", "Keep")),
                SharedConditions.merge(all, Set.of("route/Ready"), List.of()));
        assertEquals(
                List.of(c("other", "X"), c("route/Ready", "Accepted")),
                SharedConditions.merge(
                        List.of(c("other", "X")), Set.of("route/Ready"), List.of(c("route/Ready", "Accepted"))));
    }
}
