package com.kubedc.net.testkit;

import com.kubedc.net.vocabulary.Json;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * In front of the mock's CRUD dispatcher: discovery for kubectl (query strings ignored), the
 * canned lease permission review JOSDK's leader election asks for, and server-side apply served as
 * a merge patch (the mock answers apply with 415; the SDK applies finalizers and statuses of
 * existing objects, for which a merge of the applied fields is close enough in a fallback), patches
 * passed on without their query, and a failed JSON Patch {@code test} answered 422 as a real server
 * does (the mock leaves it unanswered).
 */
final class SandboxDispatcher extends Dispatcher {
    private static final com.fasterxml.jackson.databind.ObjectMapper YAML =
            new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    private final Dispatcher crud;
    private volatile java.util.function.Consumer<RecordedRequest> tap = r -> {};

    SandboxDispatcher(Dispatcher crud) {
        this.crud = crud;
    }

    /** Sees every request before it is served (the benchmark counts writes with it). */
    void tap(java.util.function.Consumer<RecordedRequest> tap) {
        this.tap = tap;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        tap.accept(request);
        String bare = bare(request.getPath());
        if ("GET".equals(request.getMethod())) {
            var doc = Discovery.document(bare);
            if (doc.isPresent()) {
                return json(200, doc.get());
            }
        }
        if ("POST".equals(request.getMethod()) && bare.equals(LeaseAccessReview.PATH)) {
            return json(201, LeaseAccessReview.allowed());
        }
        String type = request.getHeader("Content-Type");
        if ("PATCH".equals(request.getMethod()) && type != null && type.contains("apply-patch")) {
            return crud.dispatch(asMergePatch(request));
        }
        try {
            return crud.dispatch("PATCH".equals(request.getMethod()) ? withoutQuery(request) : request);
        } catch (Exception e) { // zjsonpatch's exception is thrown undeclared: catch wide, rethrow the rest as is
            if (isFailedTest(e)) {
                // a JSON Patch whose test op fails: the mock throws and never answers; a real server answers 422
                return json(
                        422,
                        java.util.Map.of(
                                "kind",
                                "Status",
                                "apiVersion",
                                "v1",
                                "status",
                                "Failure",
                                "reason",
                                "Invalid",
                                "code",
                                422,
                                "message",
                                String.valueOf(e.getMessage())));
            }
            throw e;
        }
    }

    static boolean isFailedTest(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().startsWith("io.fabric8.zjsonpatch.")
                    && String.valueOf(t).contains("TEST Operation")) {
                return true;
            }
        }
        return false;
    }

    static RecordedRequest asMergePatch(RecordedRequest r) {
        byte[] body;
        try {
            body = Json.write(YAML.readTree(r.getUtf8Body())).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // header names arrive in lower case: the old one must go, whatever its case
        var headers = r.getHeaders()
                .newBuilder()
                .removeAll("content-type")
                .removeAll("Content-Type")
                .set("Content-Type", "application/merge-patch+json")
                .build();
        return new RecordedRequest(
                r.getHttpVersion(),
                r.method(),
                bare(r.getPath()),
                headers,
                new io.fabric8.mockwebserver.http.Buffer().write(body));
    }

    /**
     * A patch without its query ({@code fieldManager}, apply's {@code force}): the mock's CRUD matching
     * does not expect one, and a status patch with it is answered 202 with the object unchanged (the
     * sandbox's Projects never got a status before this).
     */
    static RecordedRequest withoutQuery(RecordedRequest r) {
        if (!r.getPath().contains("?")) {
            return r;
        }
        return new RecordedRequest(
                r.getHttpVersion(),
                r.method(),
                bare(r.getPath()),
                r.getHeaders(),
                new io.fabric8.mockwebserver.http.Buffer()
                        .write(r.getUtf8Body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String bare(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private static MockResponse json(int code, Object body) {
        return new MockResponse()
                .setResponseCode(code)
                .addHeader("Content-Type", "application/json")
                .setBody(Json.write(body));
    }
}
