package io.jawait.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * Blocking HTTP, the counterpart of Python's {@code requests}: a call holds its thread until the reply is in.
 *
 * {@snippet :
 * try (var web = LocalWeb.start()) {
 *     System.out.println(Http.blockingGet(web.url("/fast")).text());   // {"fast":true}
 *     Http.burst(web.url("/delay?s=1"), 100);   // [time] burst /delay x100: 1.2 s (200 x 100)
 * }
 * }
 *
 * <p>In the await helpers' LOOP mode {@link #blockingGet} never lets another task run while it waits, exactly
 * like {@code requests.get} inside an {@code async def}; use {@link AsyncHttp} to wait without blocking.
 */
public final class Http {

    static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int MAX_BURST = 5000;

    private Http() {
    }

    /**
     * Sends a GET and waits for the whole reply on the calling thread.
     *
     * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL
     * @throws UncheckedIOException if the server cannot be reached
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public static Response blockingGet(String url) throws InterruptedException {
        try {
            return new Response(Shared.CLIENT.send(request(url).build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Sends {@code n} GETs to {@code url} all at once, waits for all of them, prints
     * {@code [time] burst <path> x<n>: <seconds> s (<status> x <count>)} and returns the figures.
     *
     * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL or n is not 1 to 5000
     */
    public static Burst burst(String url, int n) {
        if (n < 1 || n > MAX_BURST) {
            throw new IllegalArgumentException("a burst is 1 to " + MAX_BURST + " requests, not " + n
                    + " (client and server share this process, and each request holds two sockets)");
        }
        HttpRequest request = request(url).build();
        try (var client = client(true)) {
            long start = System.nanoTime();
            List<CompletableFuture<Integer>> replies = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                replies.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                        .thenApply(HttpResponse::statusCode)
                        .exceptionally(e -> -1));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            replies.forEach(f -> statuses.merge(f.join(), 1, Integer::sum));
            var burst = new Burst(URI.create(url).getPath(), n, (System.nanoTime() - start) / 1e9, statuses);
            System.out.println(burst);
            return burst;
        }
    }

    /** What a {@link #burst} measured; a status of -1 counts requests that got no reply at all. */
    public record Burst(String path, int requests, double seconds, Map<Integer, Integer> statuses) {

        /** True when every request got a 200. */
        public boolean allOk() {
            return statuses.getOrDefault(200, 0) == requests;
        }

        @Override
        public String toString() {
            var counts = new ArrayList<String>();
            statuses.forEach((status, count) -> counts.add((status < 0 ? "failed" : status) + " x " + count));
            return String.format("[time] burst %s x%d: %.3f s (%s)", path, requests, seconds,
                    String.join(", ", counts));
        }
    }

    static HttpRequest.Builder request(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("not a URL: " + url);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + url
                    + " (LocalWeb's url(...) turns \"https://example.com\" into a local one)");
        }
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT);
    }

    /** HTTP/1.1 because cleartext HTTP/2 would first try an upgrade the JDK's server does not speak. */
    static HttpClient client(boolean virtualThreads) {
        var builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT);
        if (virtualThreads) {
            builder.executor(Executors.newVirtualThreadPerTaskExecutor());
        }
        return builder.build();
    }

    /** Created on first use, so a notebook that never calls blockingGet never pays for a client. */
    private static final class Shared {
        static final HttpClient CLIENT = client(false);
    }
}
