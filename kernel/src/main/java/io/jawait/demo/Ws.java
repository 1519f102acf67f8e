package io.jawait.demo;

import io.jawait.async.Async;
import io.jawait.async.Coro;
import java.net.URI;
import java.net.http.HttpClient;

/**
 * Opens WebSocket connections with the JDK's client: {@code websockets.connect(uri)}.
 *
 * {@snippet :
 * try (var echo = WsEcho.start(); var websocket = Async.await(Ws.connect(echo.uri()))) {
 *     Async.await(websocket.send("Hello"));
 *     System.out.println(Async.await(websocket.recv()));   // echo: Hello
 * }
 * }
 *
 * <p>Connecting suspends the task until the opening handshake is done. All connections share one
 * {@link HttpClient}, so a hundred clients do not cost a hundred selector threads, and it hands messages over on
 * virtual threads, so they cost no pool of platform threads either.
 */
public final class Ws {

    private Ws() {
    }

    /**
     * Connects to {@code uri} ({@code ws://...}).
     *
     * @throws IllegalArgumentException if {@code uri} is not a ws:// or wss:// URI
     * @throws java.io.IOException (when awaited) if the handshake fails or nobody listens there
     */
    public static Coro<WsConn> connect(URI uri) {
        if (uri == null || !("ws".equals(uri.getScheme()) || "wss".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("a WebSocket address starts with ws:// or wss://, not: " + uri);
        }
        return Async.async("ws.connect", () -> {
            var conn = new WsConn();
            conn.attach(Async.await(Shared.CLIENT.newWebSocketBuilder().buildAsync(uri, conn.listener())));
            return conn;
        });
    }

    /**
     * Connects to {@code uri} given as text.
     *
     * @throws IllegalArgumentException if {@code uri} is not a ws:// or wss:// URI
     */
    public static Coro<WsConn> connect(String uri) {
        try {
            return connect(URI.create(uri));
        } catch (NullPointerException e) {
            throw new IllegalArgumentException("a WebSocket address starts with ws://, not null");
        }
    }

    /** Created on first use: one client for every connection. */
    private static final class Shared {
        static final HttpClient CLIENT = Http.client(true);
    }
}
