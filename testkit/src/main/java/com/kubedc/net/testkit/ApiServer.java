package com.kubedc.net.testkit;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A real Kubernetes API server on loopback: etcd, kube-apiserver and, when built, the
 * kube-controller-manager's garbage collector and namespace controller, each a child process in one
 * temporary folder, stopped by its own handle. Clients authenticate with a static admin token
 * (group system:masters); every write is recorded in an audit log ({@link AuditLog}).
 */
public final class ApiServer implements SandboxBackend {
    /** The controller's identity under the chart's RBAC: its ServiceAccount, as a token-authenticated user. */
    public static final String CONTROLLER_USER = "system:serviceaccount:kube-dc:kube-dc-net";
    /** User agents of the server's own components, told apart from clients in the audit log. */
    public static final List<String> COMPONENT_AGENTS = List.of("kube-apiserver/", "kube-controller-manager/");

    private final ApiServerBinaries binaries;
    private final Path dir;
    private final String token = UUID.randomUUID().toString();
    private final String controllerToken = UUID.randomUUID().toString();
    private final int port;
    private final int etcdPort = Ports.free();
    private final int etcdPeerPort = Ports.free();
    private Process etcd;
    private Process apiServer;
    private Process controllerManager;

    private ApiServer(ApiServerBinaries binaries, Path dir, int port) {
        this.binaries = binaries;
        this.dir = dir;
        this.port = port;
    }

    /** Starts etcd, the API server on {@code preferredPort} (a free port when 0 or taken) and the controller manager. */
    public static ApiServer start(ApiServerBinaries binaries, int preferredPort) {
        return start(binaries, preferredPort, true);
    }

    /** As {@link #start(ApiServerBinaries, int)}; {@code controllers} false: no garbage collector or namespace controller. */
    public static ApiServer start(ApiServerBinaries binaries, int preferredPort, boolean controllers) {
        try {
            Path dir = Files.createTempDirectory("kube-dc-apiserver");
            int port = preferredPort > 0 && Ports.isFree(preferredPort) ? preferredPort : Ports.free();
            ApiServer s = new ApiServer(binaries, dir, port);
            Runtime.getRuntime().addShutdownHook(new Thread(s::close, "apiserver-stop"));
            ApiServerFiles.write(dir, s.token, s.controllerToken);
            s.startEtcd();
            s.startApiServer();
            if (controllers) {
                s.startControllerManager();
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startEtcd() throws IOException {
        String client = "http://127.0.0.1:" + etcdPort;
        String peer = "http://127.0.0.1:" + etcdPeerPort;
        etcd = launch(
                "etcd",
                List.of(
                        binaries.etcd().toString(),
                        "--name=default",
                        "--data-dir=" + dir.resolve("etcd"),
                        "--listen-client-urls=" + client,
                        "--advertise-client-urls=" + client,
                        "--listen-peer-urls=" + peer,
                        "--initial-advertise-peer-urls=" + peer,
                        "--initial-cluster=default=" + peer,
                        "--unsafe-no-fsync=true",
                        "--log-level=warn"));
        Ports.awaitListening(etcdPort, etcd, dir.resolve("etcd.log"));
    }

    /**
     * Starts the API server (again) on its port; etcd keeps the data. Returns when /readyz answers ok.
     * A running controller manager is started again with it: its reflectors back off up to 30 s while
     * the server is away, and namespace deletion would wait for them (25–47 s measured), which is
     * the controller manager's pace, not the controller's under test.
     */
    public synchronized void startApiServer() {
        boolean restartControllers = controllerManager != null;
        if (restartControllers) {
            kill(controllerManager);
            controllerManager = null;
        }
        try {
            apiServer = launch(
                    "kube-apiserver",
                    List.of(
                            binaries.apiServer().toString(),
                            "--etcd-servers=http://127.0.0.1:" + etcdPort,
                            "--bind-address=127.0.0.1",
                            "--advertise-address=127.0.0.1",
                            "--secure-port=" + port,
                            "--cert-dir=" + dir.resolve("pki"),
                            "--token-auth-file=" + dir.resolve(ApiServerFiles.TOKENS),
                            "--authorization-mode=RBAC",
                            "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
                            "--service-account-key-file=" + dir.resolve(ApiServerFiles.SA_KEY),
                            "--service-account-signing-key-file=" + dir.resolve(ApiServerFiles.SA_KEY),
                            "--service-cluster-ip-range=10.96.0.0/16",
                            "--disable-admission-plugins=ServiceAccount",
                            "--endpoint-reconciler-type=none",
                            "--audit-policy-file=" + dir.resolve(ApiServerFiles.AUDIT_POLICY),
                            "--audit-log-path=" + auditLogPath(),
                            "--audit-log-format=json",
                            // one file, not rotated before 1 TiB: the write tap reads it whole (0 is not "never":
                            // the server's log writer then rotates at its default, 100 MB)
                            "--audit-log-maxsize=1048576",
                            "--audit-log-mode=blocking"));
            awaitReady();
            if (restartControllers) {
                startControllerManager();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Kills the API server process, as a crash or a lost node would (etcd keeps running): clients see
     * connection refused until {@link #startApiServer()}. Not SIGTERM: with watches open the server's
     * graceful shutdown waits its full 60 s deadline for them (measured with kube-apiserver 1.34).
     */
    public synchronized void stopApiServer() {
        kill(apiServer);
        apiServer = null;
    }

    private static void kill(Process p) {
        if (p == null) {
            return;
        }
        try {
            p.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void startControllerManager() throws IOException {
        Optional<Path> kcm = binaries.controllerManager();
        if (kcm.isEmpty()) {
            return;
        }
        writeKubeconfig(dir.resolve("kcm.kubeconfig"));
        controllerManager = launch(
                "kube-controller-manager",
                List.of(
                        kcm.get().toString(),
                        "--kubeconfig=" + dir.resolve("kcm.kubeconfig"),
                        "--controllers=garbagecollector,namespace",
                        "--leader-elect=false",
                        "--bind-address=127.0.0.1",
                        "--secure-port=" + Ports.free(),
                        "--cert-dir=" + dir.resolve("kcm-pki"),
                        "--authentication-skip-lookup=true",
                        "--concurrent-gc-syncs=5",
                        "--concurrent-namespace-syncs=5"));
    }

    /** True when garbage collection and namespace deletion run (the controller manager was built). */
    public boolean hasControllers() {
        return controllerManager != null && controllerManager.isAlive();
    }

    private void awaitReady() throws IOException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.exists(caFile()) && apiServer.isAlive() && System.currentTimeMillis() < deadline) {
            Ports.sleep(50); // the server writes its self-signed certificate before it serves
        }
        try (KubernetesClient c = client("kube-dc-readiness")) {
            while (System.currentTimeMillis() < deadline) {
                if (!apiServer.isAlive()) {
                    throw new IOException("kube-apiserver exited: " + Ports.tail(dir.resolve("kube-apiserver.log")));
                }
                try {
                    if ("ok".equals(c.raw("/readyz"))
                            && c.namespaces().withName("default").get() != null) {
                        return;
                    }
                } catch (RuntimeException e) {
                    // not serving yet
                }
                Ports.sleep(100);
            }
        }
        throw new IOException("kube-apiserver not ready after 60 s: " + Ports.tail(dir.resolve("kube-apiserver.log")));
    }

    private Process launch(String name, List<String> command) throws IOException {
        return new ProcessBuilder(new ArrayList<>(command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve(name + ".log").toFile()))
                .start();
    }

    @Override
    public String url() {
        return "https://127.0.0.1:" + port;
    }

    @Override
    public Map<String, String> clientSettings() {
        return endpoint().clientSettings(token);
    }

    @Override
    public String describe() {
        return "a real kube-apiserver + etcd" + (hasControllers() ? " + kube-controller-manager (GC, namespaces)" : "")
                + " from " + binaries.dir() + ", at " + url();
    }

    public int port() {
        return port;
    }

    public String token() {
        return token;
    }

    /** The API server's self-signed serving certificate and its CA, to trust. */
    public Path caFile() {
        return dir.resolve("pki").resolve("apiserver.crt");
    }

    public Path auditLogPath() {
        return dir.resolve("audit.log");
    }

    /** How clients reach this server (plain JDK types: it is shared across class loaders in tests). */
    public Endpoint endpoint() {
        return new Endpoint(url(), token, caFile().toString(), auditLogPath().toString(), controllerToken);
    }

    @Override
    public KubernetesClient client(String userAgent) {
        return endpoint().client(userAgent);
    }

    /**
     * The address, admin token, CA file and audit log of a running server, and the token of the
     * controller's ServiceAccount identity ({@link #CONTROLLER_USER}; its rights are what RBAC grants it).
     */
    public record Endpoint(String url, String token, String caFile, String auditLog, String controllerToken) {
        /** Client settings for an administrator with {@code userAgent}. */
        public Config config(String userAgent) {
            return new ConfigBuilder()
                    .withMasterUrl(url)
                    .withOauthToken(token)
                    .withCaCertFile(caFile)
                    .withNamespace("default")
                    .withUserAgent(userAgent)
                    .withRequestTimeout(30_000)
                    .build();
        }

        public KubernetesClient client(String userAgent) {
            return new KubernetesClientBuilder().withConfig(config(userAgent)).build();
        }

        /** A Quarkus application's {@code quarkus.kubernetes-client.*} settings for this server, authenticated by {@code bearer}. */
        public Map<String, String> clientSettings(String bearer) {
            return Map.of(
                    "quarkus.kubernetes-client.api-server-url",
                    url,
                    "quarkus.kubernetes-client.token",
                    bearer,
                    "quarkus.kubernetes-client.ca-cert-file",
                    caFile);
        }

        public java.util.List<String> asList() {
            return java.util.List.of(url, token, caFile, auditLog, controllerToken);
        }

        public static Endpoint of(java.util.List<String> l) {
            return new Endpoint(l.get(0), l.get(1), l.get(2), l.get(3), l.get(4));
        }
    }

    /** Writes a kubeconfig for kubectl (absolute paths) and returns its path. */
    @Override
    public Path writeKubeconfig(Path file) {
        return ApiServerFiles.writeKubeconfig(file, url(), caFile(), token);
    }

    /** Writes a kubeconfig authenticating with {@code token}, trusting the CA certificate at {@code ca}. */
    public Path writeKubeconfig(Path file, Path ca, String token) {
        return ApiServerFiles.writeKubeconfig(file, url(), ca, token);
    }

    @Override
    public synchronized void close() {
        stop(controllerManager);
        stop(apiServer);
        stop(etcd);
        controllerManager = apiServer = etcd = null;
        Ports.deleteTree(dir);
    }

    private static void stop(Process p) {
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill(p);
    }
}
