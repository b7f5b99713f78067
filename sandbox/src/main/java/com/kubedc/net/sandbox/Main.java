package com.kubedc.net.app;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point. In production the controller talks to the cluster of its kubeconfig or pod;
 * with {@code kube-dc.sandbox.enabled=true} an in-process API server and the Kube-OVN emulator
 * are started first and the client is pointed at them (config is read after this runs).
 */
@QuarkusMain
public class Main {
    public static void main(String... args) {
        if (SandboxLauncher.enabled()) {
            SandboxLauncher.run(args);
        } else {
            Quarkus.run(args);
        }
    }
}
