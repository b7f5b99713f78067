package com.kubedc.net.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** CRD schema of a network-type field ({@code enum: [public, cloud]}); the Java field stays a string. */
enum NetworkTypeSchema {
    @JsonProperty("public")
    PUBLIC,
    @JsonProperty("cloud")
    CLOUD
}
