package com.kubedc.net.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tiers stay apart (README, "Tests"): a test class that starts Quarkus or a server process (the
 * real API server, the mock, an OVN NB) carries {@code @Tag("server")}, so that the unit tier
 * ({@code ./test.sh unit}) runs only pure tests; a class that carries the tag does need a server.
 */
class TestTiersTest {
    /** Starts Quarkus, uses the shared real API server or the mock, or starts an OVN NB. */
    static final Pattern NEEDS_SERVER = Pattern.compile(
            "^@(QuarkusTest|EnableKubernetesMockClient)\\b|\\b(SharedApiServer|TestCluster|LocalNb|LocalNbCluster|KubernetesMockServer)\\b|\\bApiServer\\.",
            Pattern.MULTILINE);

    static final Pattern TAGGED = Pattern.compile("^@Tag\\(\"server\"\\)$", Pattern.MULTILINE);

    @Test
    void everyServerTestIsTaggedAndNoPureTestIs() throws IOException {
        List<Path> tests;
        try (Stream<Path> files = Files.walk(Path.of("src", "test", "java"))) {
            tests = files.filter(p -> p.toString().endsWith("Test.java") && !p.endsWith("TestTiersTest.java"))
                    .toList();
        }
        List<String> wrong = tests.stream()
                .filter(p -> {
                    String s = read(p);
                    return NEEDS_SERVER.matcher(s).find() != TAGGED.matcher(s).find();
                })
                .map(Path::toString)
                .sorted()
                .toList();
        assertEquals(List.of(), wrong, "tagged without a server, or a server without the tag");
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
