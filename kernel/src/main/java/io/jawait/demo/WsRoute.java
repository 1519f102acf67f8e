package io.jawait.demo;

import io.jawait.async.Coro;

/**
 * A WebSocket endpoint of an {@link App}: FastAPI's {@code @app.websocket(path)} function.
 *
 * {@snippet :
 * try (var app = App.create()) {
 *     app.websocket("/ws", ws -> Async.async(() -> {
 *         String text = Async.await(ws.receiveText());
 *         Async.await(ws.sendText("Message text was: " + text));
 *     })).start();
 *     try (var client = Async.await(Ws.connect(app.wsUrl("/ws")))) {
 *         Async.await(client.send("hi"));
 *         System.out.println(Async.await(client.recv()));   // Message text was: hi
 *     }
 * }
 * }
 *
 * <p>The coroutine runs as a task of the app's event loop ({@link App#create()}) or on its own virtual thread
 * ({@code Mode.VIRTUAL}); the connection closes when it ends.
 */
@FunctionalInterface
public interface WsRoute {
    /** Makes the coroutine that serves one connection. */
    Coro<?> handle(WebSocketSession ws) throws Exception;
}
