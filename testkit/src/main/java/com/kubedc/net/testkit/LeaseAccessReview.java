package com.kubedc.net.testkit;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;

/**
 * The mock fallback only (the real API server answers itself): the answer a real API server gives our ServiceAccount when JOSDK asks, before leader election,
 * whether it may use Leases. The in-process mock API server has no RBAC, so the sandbox and the
 * tests serve this canned answer.
 */
public final class LeaseAccessReview {
    public static final String PATH = "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews";

    private LeaseAccessReview() {}

    public static SelfSubjectRulesReview allowed() {
        return new SelfSubjectRulesReviewBuilder()
                .withNewStatus()
                .withIncomplete(false)
                .withResourceRules(new ResourceRuleBuilder()
                        .withApiGroups("coordination.k8s.io")
                        .withResources("leases")
                        .withVerbs("create", "update", "get")
                        .build())
                .endStatus()
                .build();
    }
}
