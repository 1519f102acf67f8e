package io.jawait.demo;

import io.jawait.async.Coro;

/**
 * A route written like FastAPI's {@code async def} endpoint: it returns a coroutine whose value is the body.
 *
 * {@snippet :
 * try (var app = App.create()) {
 *     app.getAsync("/async", req -> Async.async(() -> java.util.Map.of("type", "async"))).start();
 *     System.out.println(Http.blockingGet(app.url("/async")).text());   // {"type":"async"}
 * }
 * }
 *
 * <p>In {@link App#create()} every such route runs as a task of one LOOP-mode event loop, so a route that
 * blocks ({@code Thread.sleep}, raw JDBC, a CPU loop) holds up every other async route, as in uvicorn.
 */
@FunctionalInterface
public interface AsyncRoute {
    /** Makes the coroutine that answers one request. */
    Coro<?> handle(Request request) throws Exception;
}
