package com.kubedc.net.project;

import com.kubedc.net.network.Cidr;
import com.kubedc.net.network.ExternalNetwork;
import java.util.List;

/** A validated Project: everything its desired state is built from. */
public record Plan(
        String namespace, Cidr cidr, ExternalNetwork egress, List<String> egressAllow, List<String> ingressAllow) {}
