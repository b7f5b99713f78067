package com.kubedc.net.network;

import com.kubedc.net.api.v1.NetworkType;

/** An external network: a Kube-OVN Subnet labelled with its type (the controller never creates one). */
public record ExternalNetwork(String name, NetworkType type, Cidr cidr, String gateway, boolean isDefault) {}
