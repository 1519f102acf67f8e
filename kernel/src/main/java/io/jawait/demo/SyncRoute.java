package io.jawait.demo;

/**
 * A route written like FastAPI's {@code def} endpoint: it returns the response body and may block.
 *
 * {@snippet :
 * try (var app = App.create()) {
 *     app.get("/sync", req -> java.util.Map.of("type", "sync")).start();
 *     System.out.println(Http.blockingGet(app.url("/sync")).text());   // {"type":"sync"}
 * }
 * }
 *
 * <p>In {@link App#create()} it runs on the app's thread pool (40 platform threads), in
 * {@code App.create(Mode.VIRTUAL)} on the request's own virtual thread.
 */
@FunctionalInterface
public interface SyncRoute {
    /** Answers one request; the value is sent as JSON. Throw {@link HttpError} for a status other than 500. */
    Object handle(Request request) throws Exception;
}
