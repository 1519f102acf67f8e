package io.jawait.demo;

import io.jawait.async.Async;
import io.jawait.async.Coro;
import java.net.http.WebSocket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The client's side of one WebSocket connection, from {@link Ws#connect}: {@code send} and {@code recv} are
 * coroutines, like the {@code websockets} library's.
 *
 * {@snippet :
 * try (var echo = WsEcho.start(); var ws = Async.await(Ws.connect(echo.uri()))) {
 *     Async.await(ws.send("Hello"));
 *     System.out.println(Async.await(ws.recv()));   // echo: Hello
 * }
 * }
 *
 * <p>Messages arrive in order into a queue; {@code recv} takes the next one, suspending its task while the
 * queue is empty, and gives {@code null} once the server has closed the connection and the queue is drained.
 * Thread safe; sends are sent one after the other in call order.
 */
public final class WsConn implements AutoCloseable {

    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<String> messages = new ArrayDeque<>();
    private final Deque<CompletableFuture<String>> receivers = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
    private volatile WebSocket socket;
    private volatile boolean ended;

    WsConn() {
    }

    /** Sends one text message: {@code await websocket.send(text)}. */
    public Coro<Void> send(String text) {
        return Async.async("ws.send", () -> {
            CompletableFuture<?> sent;
            lock.lock();
            try {
                // the JDK client refuses a send while another is still in progress, so chain them
                sent = lastSend.handle((r, e) -> null).thenCompose(x -> socket.sendText(text, true));
                lastSend = sent;
            } finally {
                lock.unlock();
            }
            Async.await(sent);
        });
    }

    /** The next message, or {@code null} once the connection is closed: {@code await websocket.recv()}. */
    public Coro<String> recv() {
        return Async.async("ws.recv", () -> {
            CompletableFuture<String> next = new CompletableFuture<>();
            lock.lock();
            try {
                if (!messages.isEmpty()) {
                    return messages.poll();
                }
                if (ended) {
                    return null;
                }
                receivers.add(next);
            } finally {
                lock.unlock();
            }
            return Async.await(next);
        });
    }

    /** Starts the closing handshake (status 1000) and waits up to 5 s for the server to answer. */
    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                socket.abort();
            }
        }
    }

    @Override
    public String toString() {
        return ended ? "<WsConn closed>" : "<WsConn open>";
    }

    void attach(WebSocket webSocket) {
        socket = webSocket;
    }

    /** Receives the JDK client's callbacks and turns them into queued messages. */
    WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    deliver(partial.toString());
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                end();
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                end();
            }
        };
    }

    private void deliver(String message) {
        lock.lock();
        try {
            CompletableFuture<String> receiver;
            while ((receiver = receivers.poll()) != null) {
                if (receiver.complete(message)) {
                    return;
                }
            }
            messages.add(message);
        } finally {
            lock.unlock();
        }
    }

    private void end() {
        lock.lock();
        try {
            ended = true;
            receivers.forEach(r -> r.complete(null));
            receivers.clear();
        } finally {
            lock.unlock();
        }
    }
}
