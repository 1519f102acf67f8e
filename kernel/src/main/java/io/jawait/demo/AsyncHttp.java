package io.jawait.demo;

import io.jawait.async.Async;
import io.jawait.async.CancelledError;
import io.jawait.async.Coro;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * An asynchronous HTTP client, like {@code httpx.AsyncClient}: {@code get} returns a coroutine that suspends
 * its task while the request is in flight.
 *
 * {@snippet :
 * try (var web = LocalWeb.start(); var client = AsyncHttp.open()) {
 *     Response r = Async.await(client.get(web.url("https://api.example.com")));
 *     System.out.println(r.status());                       // 200, after the 1.0 s latency
 * }
 * }
 *
 * <p>Built on {@link HttpClient#sendAsync}: in LOOP mode other tasks run while a request waits, so three
 * gathered requests take as long as the slowest. One client may serve any number of concurrent requests.
 * Thread safe.
 */
public final class AsyncHttp implements AutoCloseable {

    private final HttpClient client = Http.client(false);

    private AsyncHttp() {
    }

    /** A new client; close it (try-with-resources) to free its connections. */
    public static AsyncHttp open() {
        return new AsyncHttp();
    }

    /**
     * A GET as a coroutine: {@code await client.get(url)}.
     *
     * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL
     * @throws java.io.IOException (when awaited) if the server cannot be reached
     */
    public Coro<Response> get(String url) {
        HttpRequest request = Http.request(url).build();
        return Async.async("http.get", () -> send(request));
    }

    /**
     * A POST of {@code body} encoded as JSON: {@code await client.post(url, json=body)}.
     *
     * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL
     * @throws java.io.IOException (when awaited) if the server cannot be reached
     */
    public Coro<Response> post(String url, Object body) {
        HttpRequest request = Http.request(url)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JsonCodec.write(body)))
                .build();
        return Async.async("http.post", () -> send(request));
    }

    /** Waits for requests in flight, then frees the client's connections and threads. */
    @Override
    public void close() {
        client.close();
    }

    private Response send(HttpRequest request) throws Exception {
        var reply = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            return new Response(Async.await(reply));
        } catch (CancelledError e) {
            // like httpx, a cancelled request is aborted rather than left to finish unseen
            reply.cancel(true);
            throw e;
        }
    }
}
