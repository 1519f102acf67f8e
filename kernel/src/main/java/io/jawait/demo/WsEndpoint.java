package io.jawait.demo;

import io.jawait.async.Async;
import io.jawait.async.Coro;
import java.io.IOException;
import java.net.URI;

/**
 * A WebSocket endpoint on 127.0.0.1 whose handler is a coroutine, like FastAPI's
 * {@code @app.websocket("/ws") async def endpoint(websocket)}.
 *
 * {@snippet :
 * try (var endpoint = WsEndpoint.start(ws -> Async.async(() -> {
 *         String text = Async.await(ws.receiveText());
 *         Async.await(ws.sendText("Message text was: " + text));
 *     }));
 *     var client = Async.await(Ws.connect(endpoint.uri()))) {
 *     Async.await(client.send("hi"));
 *     System.out.println(Async.await(client.recv()));   // Message text was: hi
 * }
 * }
 *
 * <p>Each connection runs its handler in a run of its own on the connection's virtual thread; the connection
 * closes normally when the handler returns. A handler that fails closes it with status 1011 and prints the
 * failure on standard error. Thread safe.
 */
public final class WsEndpoint implements AutoCloseable {

    /** Makes the coroutine that serves one connection. */
    @FunctionalInterface
    public interface Handler {
        /** The coroutine for one accepted connection. */
        Coro<?> handle(WebSocket websocket) throws Exception;
    }

    /** The server's side of one connection: Starlette's {@code WebSocket}. */
    public static final class WebSocket {
        private final WsConnection connection;

        WebSocket(WsConnection connection) {
            this.connection = connection;
        }

        /** Waits, suspending the task, for the next text message; null once the client has closed. */
        public Coro<String> receiveText() {
            return Async.async("receiveText", () -> Offload.await("ws-receive", connection::receive));
        }

        /** Sends one text message. */
        public Coro<Void> sendText(String text) {
            return Async.async("sendText", () -> {
                Offload.await("ws-send", () -> {
                    connection.send(text);
                    return null;
                });
            });
        }
    }

    private final WsServer server;

    private WsEndpoint(Handler handler) {
        server = new WsServer(connection -> serve(handler, connection), connection -> { });
    }

    /**
     * Starts serving on a free port of 127.0.0.1.
     *
     * @throws NullPointerException if {@code handler} is null
     */
    public static WsEndpoint start(Handler handler) {
        if (handler == null) {
            throw new NullPointerException("a WebSocket endpoint needs a handler");
        }
        return new WsEndpoint(handler);
    }

    /** The address to connect to, {@code ws://127.0.0.1:<port>/ws}. */
    public URI uri() {
        return server.uri("/ws");
    }

    /** Stops accepting and closes every open connection. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "WsEndpoint at " + uri();
    }

    private static void serve(Handler handler, WsConnection connection) throws IOException {
        try {
            Async.run(handler.handle(new WebSocket(connection)));
            connection.close(1000, "done");
        } catch (Exception e) {
            System.err.println("WebSocket handler failed: " + e);
            connection.close(1011, "handler failed");
        }
    }
}
