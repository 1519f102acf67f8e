package io.jawait.demo;

import com.sun.net.httpserver.HttpServer;
import io.jawait.async.Mode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A FastAPI-like web app on 127.0.0.1: {@code get} routes are FastAPI's {@code def} endpoints, {@code getAsync}
 * routes its {@code async def} endpoints, and return values are sent as JSON.
 *
 * {@snippet :
 * try (var app = App.create()) {
 *     app.getAsync("/users", req -> Async.async(() -> java.util.List.of(java.util.Map.of("name", "Nitin"))));
 *     app.start();
 *     System.out.println(Http.blockingGet(app.url("/users")).text());   // [{"name":"Nitin"}]
 * }
 * }
 *
 * <p><b>Where routes run.</b> {@link #create()} is faithful to FastAPI on uvicorn: every async route is a task
 * of <em>one</em> LOOP-mode event loop, so one that blocks holds up all async routes; sync routes run on a pool
 * of 40 platform threads (Starlette's limit; {@link #threadpool(int)} changes it), so a blocking sync route ties
 * up one thread, not the server. {@link #create(Mode) create(Mode.VIRTUAL)} is the Java way: every request,
 * sync or async, has its own virtual thread.
 *
 * <p><b>Errors.</b> An unknown path answers 404, a known path with another method 405, {@link HttpError} its
 * status, any other exception 500 (and a line on standard error), all with a JSON {@code detail}.
 *
 * <p>Routes may be added before or after {@link #start()}; adding one with the same method and path replaces
 * it. Thread safe.
 */
public final class App implements AutoCloseable {

    private static final int DEFAULT_THREADS = 40;

    private final Mode mode;
    private final HttpServer server;
    private final Router router = new Router();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger arrivals = new AtomicInteger();
    private final AtomicInteger backgroundDone = new AtomicInteger();
    private final AtomicInteger backgroundFailed = new AtomicInteger();
    private final WsRoutes websockets = new WsRoutes(this);
    private int threads = DEFAULT_THREADS;
    private ExecutorService pool;
    private EventLoop loop;

    private App(Mode mode) {
        this.mode = mode;
        try {
            server = Exchanges.loopbackServer();
        } catch (IOException e) {
            throw new UncheckedIOException("App could not bind 127.0.0.1", e);
        }
    }

    /** An app like FastAPI on uvicorn: async routes on one event loop, sync routes on 40 threads. */
    public static App create() {
        return new App(Mode.LOOP);
    }

    /**
     * An app in the given mode: {@code Mode.LOOP} is {@link #create()}, {@code Mode.VIRTUAL} runs every request
     * on its own virtual thread.
     *
     * @throws IllegalArgumentException if mode is null
     */
    public static App create(Mode mode) {
        if (mode == null) {
            throw new IllegalArgumentException("mode must be Mode.LOOP or Mode.VIRTUAL, not null");
        }
        return new App(mode);
    }

    /** Adds a {@code def}-style GET route; returns this app. */
    public App get(String path, SyncRoute route) {
        router.add("GET", path, route);
        return this;
    }

    /** Adds an {@code async def}-style GET route; returns this app. */
    public App getAsync(String path, AsyncRoute route) {
        router.add("GET", path, route);
        return this;
    }

    /** Adds a {@code def}-style POST route; returns this app. */
    public App post(String path, SyncRoute route) {
        router.add("POST", path, route);
        return this;
    }

    /** Adds an {@code async def}-style POST route; returns this app. */
    public App postAsync(String path, AsyncRoute route) {
        router.add("POST", path, route);
        return this;
    }

    /**
     * Adds a WebSocket endpoint at exactly {@code path}; clients connect to {@link #wsUrl(String)}.
     *
     * @throws IllegalArgumentException if the path does not start with /
     */
    public App websocket(String path, WsRoute route) {
        websockets.add(path, route);
        return this;
    }

    /**
     * The {@code ws://} address of a WebSocket endpoint (WebSockets have a port of their own).
     *
     * @throws IllegalStateException if the app has no WebSocket route yet
     */
    public URI wsUrl(String path) {
        return websockets.uri(path);
    }

    /**
     * Sets how many platform threads run sync routes (LOOP mode only); call before {@link #start()}.
     *
     * @throws IllegalArgumentException if {@code n} is not between 1 and 1000
     * @throws IllegalStateException if the app has started
     */
    public App threadpool(int n) {
        if (n < 1 || n > 1000) {
            throw new IllegalArgumentException("threadpool size must be from 1 to 1000, not " + n);
        }
        if (pool != null) {
            throw new IllegalStateException("threadpool(n) must be called before start()");
        }
        threads = n;
        return this;
    }

    /** Starts serving; returns this app. Starting twice does nothing. */
    public synchronized App start() {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name("app-worker-", 1).factory());
            loop = mode == Mode.LOOP ? new EventLoop("app-event-loop") : null;
            server.createContext("/", new AppHandler(this));
            server.start();
        }
        return this;
    }

    /** The full URL of {@code path} on this app, such as {@code http://127.0.0.1:41234/users}. */
    public String url(String path) {
        return Exchanges.baseUrl(server) + (path.startsWith("/") ? path : "/" + path);
    }

    /** LOOP ({@link #create()}) or VIRTUAL. */
    public Mode mode() {
        return mode;
    }

    /** Requests being answered right now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Background tasks that have finished, failed ones included. */
    public int backgroundDone() {
        return backgroundDone.get();
    }

    /** Background tasks that ended with an exception. */
    public int backgroundFailed() {
        return backgroundFailed.get();
    }

    /**
     * Sends a GET to {@code slowPath}, then, once the app holds it, times a GET to {@code probePath} (paths or
     * full URLs); prints
     * {@code [time] <probe> during <slow>: <seconds> s} and returns the probe's seconds (after the slow request
     * has finished too). Shows whether a slow route holds up others.
     */
    public double latencyDuring(String slowPath, String probePath) throws InterruptedException {
        return Probe.latencyDuring(this, slowPath, probePath);
    }

    /** Stops serving at once and stops the event loop and the thread pool. */
    @Override
    public synchronized void close() {
        server.stop(0);
        websockets.close();
        if (loop != null) {
            loop.close();
        }
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "App(" + mode + ") at " + url("/") + " with " + router.routes().size() + " routes";
    }

    Router router() {
        return router;
    }

    AtomicInteger inFlightCounter() {
        return inFlight;
    }

    /** Requests received so far; only grows, unlike inFlight, which lags behind a reply already sent. */
    AtomicInteger arrivals() {
        return arrivals;
    }

    ExecutorService pool() {
        return pool;
    }

    EventLoop loop() {
        return loop;
    }

    void backgroundFinished(boolean failed) {
        if (failed) {
            backgroundFailed.incrementAndGet();
        }
        backgroundDone.incrementAndGet();
    }
}
