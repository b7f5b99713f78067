package com.kubedc.net.sandbox;

import com.kubedc.net.common.Json;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * In front of the mock's CRUD dispatcher: discovery for kubectl (query strings ignored) and the
 * canned lease permission review JOSDK's leader election asks for; everything else is CRUD.
 */
final class SandboxDispatcher extends Dispatcher {
    private final Dispatcher crud;
    private volatile java.util.function.Consumer<RecordedRequest> tap = r -> { };

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
        String path = request.getPath();
        int q = path.indexOf('?');
        String bare = q < 0 ? path : path.substring(0, q);
        if ("GET".equals(request.getMethod())) {
            var doc = Discovery.document(bare);
            if (doc.isPresent()) {
                return json(200, doc.get());
            }
        }
        if ("POST".equals(request.getMethod()) && bare.equals(LeaseAccessReview.PATH)) {
            return json(201, LeaseAccessReview.allowed());
        }
        return crud.dispatch(request);
    }

    private static MockResponse json(int code, Object body) {
        return new MockResponse().setResponseCode(code).addHeader("Content-Type", "application/json").setBody(Json.write(body));
    }
}
