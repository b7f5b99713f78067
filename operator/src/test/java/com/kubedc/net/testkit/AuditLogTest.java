package com.kubedc.net.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write record the benchmarks and RBAC tests count from: every line once, or a loud failure. */
class AuditLogTest {
    @TempDir
    Path dir;

    static String line(int i, String agent) {
        return "{\"verb\":\"create\",\"requestURI\":\"/api/v1/namespaces/n" + i + "/configmaps\",\"userAgent\":\""
                + agent + "\",\"user\":{\"username\":\"u\"},\"responseStatus\":{\"code\":201},"
                + "\"requestObject\":{\"metadata\":{\"name\":\"c" + i + "\"}}}\n";
    }

    static void append(Path f, String text) throws IOException {
        Files.writeString(f, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void readsOnlyWhatWasAppendedSinceFromNowAndKeepsAnIncompleteLineForLater() throws IOException {
        Path f = dir.resolve("audit.log");
        append(f, line(0, "before"));
        AuditLog log = new AuditLog(f).fromNow();
        String second = line(2, "ü-agent"); // a multi-byte character split across two reads
        int cut = second.indexOf('ü') + 1;
        append(f, line(1, "a") + second.substring(0, cut));
        List<AuditLog.Entry> first = log.next();
        assertEquals(
                List.of("POST /api/v1/namespaces/n1/configmaps"),
                first.stream().map(AuditLog.Entry::line).toList());
        append(f, second.substring(cut));
        List<AuditLog.Entry> rest = log.next();
        assertEquals(1, rest.size());
        assertEquals("ü-agent", rest.get(0).userAgent());
        assertEquals("c2", rest.get(0).body().path("metadata").path("name").asText());
        assertEquals(List.of(), log.next());
    }

    @Test
    void countsEveryLineOfALogLargerThanOneReadChunk() throws IOException {
        Path f = dir.resolve("audit.log");
        AuditLog log = new AuditLog(f).fromNow();
        StringBuilder text = new StringBuilder();
        int n = 0;
        while (text.length() < 3 * (1 << 20)) {
            text.append(line(n++, "x".repeat(n % 300)));
        }
        append(f, text.toString());
        List<AuditLog.Entry> all = log.next();
        assertEquals(n, all.size());
        assertEquals(
                "/api/v1/namespaces/n" + (n - 1) + "/configmaps", all.get(n - 1).uri());
    }

    @Test
    void aRotatedLogFailsInsteadOfLosingTheWritesItHeld() throws IOException {
        Path f = dir.resolve("audit.log");
        append(f, line(0, "a"));
        AuditLog log = new AuditLog(f).fromNow();
        append(f, line(1, "a"));
        // what the server's log writer does at its size limit: rename, then a new file (here: longer than the old)
        Files.move(f, dir.resolve("audit-2026-12-03T00-00-00.000.log"));
        append(f, line(2, "a") + line(3, "a") + line(4, "a"));
        IllegalStateException e = assertThrows(IllegalStateException.class, log::next);
        assertEquals(true, e.getMessage().contains("rotated"), e.getMessage());
    }
}
