package com.kubedc.net.gatewayroute;

/** The shared Gateway and its platform listeners, from configuration. */
public record GatewayRef(String name, String namespace, String httpListener, String passthroughListener) {}
