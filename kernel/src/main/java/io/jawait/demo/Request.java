package io.jawait.demo;

import io.jawait.async.AsyncRunnable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One request to an {@link App} route: path parameters, query parameters, body, and background tasks.
 *
 * {@snippet :
 * try (var app = App.create()) {
 *     app.get("/users/{id}", req -> java.util.Map.of("id", req.pathParam("id"), "q", req.query("q", "none")));
 *     app.start();
 *     System.out.println(Http.blockingGet(app.url("/users/7?q=x")).text());   // {"id":"7","q":"x"}
 * }
 * }
 *
 * <p>Used by the one route that answers it.
 */
public final class Request {

    private final String method;
    private final String path;
    private final Map<String, String> params;
    private final Map<String, String> query;
    private final String body;
    private final List<AsyncRunnable> background = new ArrayList<>();

    Request(String method, String path, Map<String, String> params, Map<String, String> query, String body) {
        this.method = method;
        this.path = path;
        this.params = params;
        this.query = query;
        this.body = body;
    }

    /** GET, POST, ... */
    public String method() {
        return method;
    }

    /** The path, without the query. */
    public String path() {
        return path;
    }

    /**
     * The value of {@code {name}} in the route's path.
     *
     * @throws IllegalArgumentException if the route's path has no such parameter
     */
    public String pathParam(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route has no path parameter {" + name + "}; it has "
                    + params.keySet());
        }
        return value;
    }

    /**
     * A query parameter, such as {@code s} in {@code /delayed?s=1}.
     *
     * @throws HttpError 422, as FastAPI answers, if the request does not have it
     */
    public String query(String name) {
        String value = query.get(name);
        if (value == null) {
            throw new HttpError(422, "missing query parameter " + name);
        }
        return value;
    }

    /** A query parameter, or {@code fallback} when the request does not have it. */
    public String query(String name, String fallback) {
        return query.getOrDefault(name, fallback);
    }

    /** The body as text; empty for a GET. */
    public String body() {
        return body;
    }

    /**
     * The body parsed as JSON (Map, List, String, Long, Double, Boolean or null).
     *
     * @throws HttpError 422 if the body is not JSON
     */
    public Object json() {
        try {
            return JsonCodec.read(body);
        } catch (IllegalArgumentException e) {
            throw new HttpError(422, e.getMessage());
        }
    }

    /** Runs {@code task} after the response has been sent: FastAPI's {@code BackgroundTasks.add_task}. */
    public void background(AsyncRunnable task) {
        if (task == null) {
            throw new IllegalArgumentException("no background task given");
        }
        background.add(task);
    }

    List<AsyncRunnable> backgroundTasks() {
        return background;
    }

    @Override
    public String toString() {
        return "<Request " + method + " " + path + (query.isEmpty() ? "" : " " + query) + ">";
    }
}
