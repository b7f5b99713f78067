package com.kubedc.net.sandbox;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

/**
 * How many objects of one kind report Ready, read from a watch of that kind (an informer's store).
 * Waiting for convergence this way adds no requests to the server under test: polling with full
 * lists, as the benchmarks did before, made the server serialize every object ten times a second.
 */
final class ReadyCount<T extends HasMetadata> implements AutoCloseable {
    private final SharedIndexInformer<T> informer;

    ReadyCount(KubernetesClient client, Class<T> kind) {
        this.informer = client.resources(kind).inAnyNamespace().inform();
    }

    long get() {
        return informer.getStore().list().stream().filter(Benchmark::isReady).count();
    }

    /** Returns once at least {@code n} objects are Ready (checked every 100 ms). */
    void await(long n) throws InterruptedException {
        while (get() < n) {
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        informer.close();
    }
}
