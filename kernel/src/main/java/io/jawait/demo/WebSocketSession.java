package io.jawait.demo;

import io.jawait.async.Async;
import io.jawait.async.Coro;

/**
 * The server's side of one WebSocket connection to an {@link App}: FastAPI's {@code WebSocket} object.
 *
 * {@snippet :
 * try (var app = App.create()) {
 *     app.websocket("/ws", ws -> Async.async(() -> {
 *         for (String m; (m = Async.await(ws.receiveText())) != null; ) {   // until the client closes
 *             Async.await(ws.sendText(m.toUpperCase()));
 *         }
 *     })).start();
 * }
 * }
 *
 * <p>Reads and writes block on the socket underneath, so each runs on a virtual thread of its own while the
 * route's task suspends: a waiting {@code receiveText} never holds up the app's event loop. For one route task.
 */
public final class WebSocketSession {

    private final WsConnection connection;

    WebSocketSession(WsConnection connection) {
        this.connection = connection;
    }

    /** The next text message, or {@code null} once the client has closed: {@code await websocket.receive_text()}. */
    public Coro<String> receiveText() {
        return Async.async("ws.receiveText", () -> Offload.await("ws-read", connection::receive));
    }

    /**
     * Sends one text message: {@code await websocket.send_text(text)}.
     *
     * @throws java.io.IOException (when awaited) if the connection is closed
     */
    public Coro<Void> sendText(String text) {
        return Async.async("ws.sendText", () -> {
            Offload.await("ws-write", () -> {
                connection.send(text);
                return null;
            });
        });
    }

    /** The path the client connected to. */
    public String path() {
        return connection.path();
    }

    /** Closes the connection normally (status 1000). */
    public void close() {
        connection.close(1000, "closed by the app");
    }
}
