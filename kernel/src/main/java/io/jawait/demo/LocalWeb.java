package io.jawait.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback web server with fake sites and a small JSON API, so notebooks can fetch "https://example.com"
 * without the internet.
 *
 * {@snippet :
 * try (var web = LocalWeb.start()) {                       // 127.0.0.1, a free port, 1.0 s latency
 *     String url = web.url("https://example.com");         // http://127.0.0.1:<port>/site/example.com/
 *     String html = Http.blockingGet(url).text();
 *     System.out.println(LocalWeb.titleOf(html));          // example.com
 * }
 * }
 *
 * <p>Paths: {@code /site/<host>/} is an HTML page titled {@code <host>}; below it, and at the top level, the
 * API answers {@code /users}, {@code /users/{id}}, {@code /data}, {@code /page/{i}} (HTML titled "Page i"),
 * {@code /fast} (no latency) and {@code /delay?s=0.5} (waits s seconds instead of the latency). Every other
 * reply waits the latency of its host ({@link #latency(String, double)}) on its own virtual thread, so any
 * number of requests wait at the same time. {@link #start()} makes one warm-up request, so the first measured
 * request is not slowed by class loading. Thread safe.
 */
public final class LocalWeb implements AutoCloseable {

    private static final Pattern SITE = Pattern.compile("/site/([A-Za-z0-9.-]+)(/.*)?");
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);
    private static final String DEFAULT_HOST = "";

    private final HttpServer server;
    private final Map<String, Double> latencies = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicLong served = new AtomicLong();

    private LocalWeb(double latency) throws IOException {
        latencies.put(DEFAULT_HOST, latency);
        server = Exchanges.loopbackServer();
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server whose hosts answer after 1.0 s, and makes the warm-up request. */
    public static LocalWeb start() {
        return start(1.0);
    }

    /**
     * Starts a server whose hosts answer after {@code latency} seconds, and makes the warm-up request.
     *
     * @throws IllegalArgumentException if the latency is negative or above 60 s
     */
    public static LocalWeb start(double latency) {
        checkLatency(latency);
        try {
            LocalWeb web = new LocalWeb(latency);
            web.warmUp();
            return web;
        } catch (IOException e) {
            throw new UncheckedIOException("LocalWeb could not start on 127.0.0.1", e);
        }
    }

    /**
     * Maps a real-looking URL to this server: {@code "https://example.com/users/1"} becomes
     * {@code http://127.0.0.1:<port>/site/example.com/users/1}, and a bare path such as {@code "/fast"} is
     * resolved against the server's root.
     *
     * @throws IllegalArgumentException if {@code url} is neither an http(s) URL with a host nor a path
     */
    public String url(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("not a URL: " + url + " (try \"https://example.com\" or \"/fast\")");
        }
        String pathAndQuery = (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        if (uri.getScheme() == null && uri.getHost() == null && pathAndQuery.startsWith("/")) {
            return base() + pathAndQuery;
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL with a host: " + url);
        }
        return base() + "/site/" + uri.getHost() + (pathAndQuery.isEmpty() ? "/" : pathAndQuery);
    }

    /** The server's root, {@code http://127.0.0.1:<port>}. */
    public String base() {
        return Exchanges.baseUrl(server);
    }

    /**
     * Sets how long {@code host} waits before each reply; returns this server for chaining.
     *
     * @throws IllegalArgumentException if the latency is negative or above 60 s, or the host is null
     */
    public LocalWeb latency(String host, double seconds) {
        checkLatency(seconds);
        if (host == null) {
            throw new IllegalArgumentException("no host given; latency(seconds) sets the default for all hosts");
        }
        latencies.put(host, seconds);
        return this;
    }

    /** Sets the latency of every host that has none of its own. */
    public LocalWeb latency(double seconds) {
        return latency(DEFAULT_HOST, seconds);
    }

    /** The largest number of requests this server held at once since start or {@link #resetStats()}. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Requests answered since start or {@link #resetStats()}. */
    public long requestsServed() {
        return served.get();
    }

    /** Zeroes {@link #maxInFlight()} and {@link #requestsServed()}, say before a measured cell. */
    public void resetStats() {
        maxInFlight.set(inFlight.get());
        served.set(0);
    }

    /** The text of the first {@code <title>} of an HTML page, or the empty string when there is none. */
    public static String titleOf(String html) {
        Matcher m = TITLE.matcher(html == null ? "" : html);
        return m.find() ? m.group(1).strip() : "";
    }

    /** Stops the server at once; requests still waiting are cut off. */
    @Override
    public void close() {
        server.stop(0);
    }

    @Override
    public String toString() {
        return "LocalWeb at " + base() + " (latency " + latencies.get(DEFAULT_HOST) + " s)";
    }

    private void handle(HttpExchange exchange) throws IOException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        boolean held = true;
        try {
            String path = exchange.getRequestURI().getPath();
            String host = DEFAULT_HOST;
            Matcher site = SITE.matcher(path);
            if (site.matches()) {
                host = site.group(1);
                path = site.group(2) == null ? "/" : site.group(2);
            }
            var reply = FakeSite.answer(host, path, Exchanges.query(exchange.getRequestURI().getRawQuery()));
            double delay = reply.delay() >= 0 ? reply.delay() : latencies.getOrDefault(host, defaultLatency());
            Thread.sleep((long) (delay * 1000));
            // counted and let go before the answer goes out: a client that has its answer, and sends the next
            // request, must find this one counted and no longer held
            served.incrementAndGet();
            held = false;
            inFlight.decrementAndGet();
            Exchanges.send(exchange, reply.status(), reply.contentType(), reply.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (held) {
                inFlight.decrementAndGet();
            }
            exchange.close();
        }
    }

    private double defaultLatency() {
        return latencies.get(DEFAULT_HOST);
    }

    private void warmUp() throws IOException {
        try (var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            var request = HttpRequest.newBuilder(URI.create(base() + "/fast")).build();
            client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during LocalWeb's warm-up request", e);
        }
        resetStats();
    }

    private static void checkLatency(double seconds) {
        if (!(seconds >= 0 && seconds <= FakeSite.MAX_DELAY)) {
            throw new IllegalArgumentException("latency must be from 0 to 60 seconds, not " + seconds);
        }
    }
}
