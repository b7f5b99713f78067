package com.kubedc.net.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The files the local API server reads: static tokens, the service-account signing key, the audit policy; and kubeconfigs. */
final class ApiServerFiles {
    static final String TOKENS = "tokens.csv";
    static final String SA_KEY = "sa.key";
    static final String AUDIT_POLICY = "audit-policy.yaml";

    static final String CONTROLLER_USER = ApiServer.CONTROLLER_USER;

    /**
     * Every write at Request level (its body, for the benchmark replay); reads are not logged,
     * except the controller ServiceAccount's, whose every request is (a denied read shows as 403).
     */
    static final String POLICY = """
            apiVersion: audit.k8s.io/v1
            kind: Policy
            omitStages: [RequestReceived]
            rules:
            - level: Metadata
              users: [%s]
              verbs: [get, list, watch]
            - level: None
              verbs: [get, list, watch]
            - level: Request
            """.formatted(CONTROLLER_USER);

    private ApiServerFiles() {}

    static void write(Path dir, String token, String controllerToken) throws IOException {
        Files.writeString(
                dir.resolve(TOKENS),
                token + ",kube-dc-admin,kube-dc-admin,system:masters\n" + controllerToken + "," + CONTROLLER_USER
                        + ",kube-dc-net-sa,\"system:serviceaccounts,system:serviceaccounts:kube-dc\"\n");
        Files.writeString(dir.resolve(AUDIT_POLICY), POLICY);
        Files.writeString(dir.resolve(SA_KEY), serviceAccountKey());
    }

    /** A fresh RSA key in PKCS#8 PEM: the API server signs and verifies service-account tokens with it. */
    static String serviceAccountKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            byte[] der = g.generateKeyPair().getPrivate().getEncoded();
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END PRIVATE KEY-----\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@link #kubeconfig} to {@code file} (folders made) and returns the file. */
    static Path writeKubeconfig(Path file, String url, Path ca, String token) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, kubeconfig(url, ca, token));
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A kubeconfig for {@code url} with {@code token}; {@code ca} null: no certificate authority (plain HTTP). */
    static String kubeconfig(String url, Path ca, String token) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: kube-dc-sandbox
                  cluster:
                    server: %s
                %s
                contexts:
                - name: kube-dc-sandbox
                  context:
                    cluster: kube-dc-sandbox
                    user: admin
                    namespace: default
                current-context: kube-dc-sandbox
                users:
                - name: admin
                  user:
                    token: %s
                """.formatted(url, ca == null ? "" : "    certificate-authority: " + ca.toAbsolutePath(), token);
    }
}
