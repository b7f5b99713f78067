package com.kubedc.net.sandbox;

import com.kubedc.net.testkit.ApiServer;
import com.kubedc.net.testkit.ApiServerBinaries;
import com.kubedc.net.testkit.Crds;
import com.kubedc.net.testkit.Sandbox;
import com.kubedc.net.testkit.SandboxServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A fresh API server of the sandbox's kind, for the benchmark's floor: the recorded writes are
 * replayed on it by a plain HTTP loop. The real one runs without the controller manager (replayed
 * owner references name objects of the first server: a garbage collector would act on them).
 */
final class FloorServer implements AutoCloseable {
    private final AutoCloseable server;
    private final String url;
    private final String token;
    private final HttpClient http;
    private final KubernetesClient client;

    private FloorServer(AutoCloseable server, String url, String token, HttpClient http, KubernetesClient client) {
        this.server = server;
        this.url = url;
        this.token = token;
        this.http = http;
        this.client = client;
    }

    static FloorServer like(Sandbox sandbox) throws Exception {
        if (sandbox.backend() instanceof ApiServer) {
            ApiServer fresh = ApiServer.start(ApiServerBinaries.find().orElseThrow(), 0, false);
            KubernetesClient c = fresh.client(Sandbox.USER_AGENT);
            Crds.installAll(c);
            return new FloorServer(
                    fresh,
                    fresh.url(),
                    fresh.token(),
                    HttpClient.newBuilder().sslContext(trusting(fresh.caFile())).build(),
                    c);
        }
        SandboxServer fresh = SandboxServer.start(0);
        return new FloorServer(fresh, fresh.url(), null, HttpClient.newHttpClient(), fresh.client(Sandbox.USER_AGENT));
    }

    static SSLContext trusting(Path caFile) throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        int i = 0;
        try (InputStream in = Files.newInputStream(caFile)) {
            for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("ca" + i++, cert);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }

    KubernetesClient client() {
        return client;
    }

    HttpClient http() {
        return http;
    }

    /** A request to {@code path} on this server, authenticated. */
    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(url + path)).timeout(java.time.Duration.ofSeconds(30));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    @Override
    public void close() throws Exception {
        client.close();
        server.close();
    }
}
