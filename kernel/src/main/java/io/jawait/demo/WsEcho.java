package io.jawait.demo;

import java.net.URI;

/**
 * A WebSocket echo server on 127.0.0.1: every text message {@code m} is answered with {@code "echo: m"}.
 *
 * {@snippet :
 * try (var echo = WsEcho.start(); var ws = Async.await(Ws.connect(echo.uri()))) {
 *     Async.await(ws.send("Hello"));
 *     System.out.println(Async.await(ws.recv()));   // echo: Hello
 * }
 * }
 *
 * <p>Each connection has its own virtual thread, so a delay ({@link #start(double)}) in one answer does not
 * hold up the others. Thread safe.
 */
public final class WsEcho implements AutoCloseable {

    private final WsServer server;

    private WsEcho(double delaySeconds) {
        long delayMillis = (long) (delaySeconds * 1000);
        server = new WsServer(connection -> {
            for (String message; (message = connection.receive()) != null; ) {
                pause(delayMillis);
                connection.send("echo: " + message);
            }
        }, connection -> { });
    }

    /** Starts an echo server that answers at once. */
    public static WsEcho start() {
        return new WsEcho(0);
    }

    /**
     * Starts an echo server that waits {@code delaySeconds} before each answer, like a slow backend.
     *
     * @throws IllegalArgumentException if the delay is negative or above 60 s
     */
    public static WsEcho start(double delaySeconds) {
        if (!(delaySeconds >= 0 && delaySeconds <= 60)) {
            throw new IllegalArgumentException("delay must be from 0 to 60 seconds, not " + delaySeconds);
        }
        return new WsEcho(delaySeconds);
    }

    /** The address to connect to, {@code ws://127.0.0.1:<port>/}. */
    public URI uri() {
        return server.uri("/");
    }

    /** Connections open right now. */
    public int clients() {
        return server.connections().size();
    }

    /** Stops accepting and closes every connection with status 1001 (going away). */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "WsEcho at " + uri();
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
