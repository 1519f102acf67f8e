package io.jawait.demo;

import io.jawait.async.Async;
import io.jawait.async.Mode;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An App's WebSocket endpoints: a WsServer of their own, started with the first route, keyed by exact path. */
final class WsRoutes implements AutoCloseable {

    private final Map<String, WsRoute> routes = new ConcurrentHashMap<>();
    private final App app;
    private WsServer server;

    WsRoutes(App app) {
        this.app = app;
    }

    synchronized void add(String path, WsRoute route) {
        if (path == null || !path.startsWith("/") || route == null) {
            throw new IllegalArgumentException("a WebSocket route needs a path starting with / and a handler");
        }
        routes.put(path, route);
        if (server == null) {
            server = new WsServer(this::serve, connection -> { });
        }
    }

    synchronized URI uri(String path) {
        if (server == null) {
            throw new IllegalStateException("the app has no WebSocket route yet: add one with websocket(path, ...)");
        }
        return server.uri(path.startsWith("/") ? path : "/" + path);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
        }
    }

    private void serve(WsConnection connection) throws java.io.IOException {
        WsRoute route = routes.get(connection.path());
        if (route == null || (app.mode() == Mode.LOOP && app.loop() == null)) {
            connection.close(route == null ? 1008 : 1013,
                    route == null ? "no WebSocket route for " + connection.path() : "the app has not started");
            return;
        }
        var session = new WebSocketSession(connection);
        String name = "WS " + connection.path();
        try {
            if (app.mode() == Mode.VIRTUAL) {
                Async.run(Async.async(name, () -> Async.await(route.handle(session))), Mode.VIRTUAL);
            } else {
                app.loop().submit(name, () -> Async.await(route.handle(session))).get();
            }
        } catch (Exception e) {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null
                    ? e.getCause() : e;
            System.err.println("App: WebSocket " + connection.path() + " failed: " + cause);
            connection.close(1011, "the route failed");
        }
    }
}
