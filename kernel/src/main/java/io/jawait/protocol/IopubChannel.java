package io.jawait.protocol;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.zeromq.ZMQ;

/**
 * The iopub socket behind a queue: any thread may publish; one thread owns the socket, because ZeroMQ
 * sockets are not thread safe. Messages leave in the order they were published.
 */
public final class IopubChannel {
    private record Marker(CountDownLatch done, boolean stop) {}

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final ZMQ.Socket socket;
    private final WireCodec codec;
    private final Session session;
    private final Thread sender;

    IopubChannel(ZMQ.Socket socket, WireCodec codec, Session session) {
        this.socket = socket;
        this.codec = codec;
        this.session = session;
        this.sender = Thread.ofPlatform().daemon().name("jawait-iopub").unstarted(this::run);
    }

    void start() {
        sender.start();
    }

    public void publish(JsonObject parent, String msgType, JsonObject content) {
        queue.add(session.publication(parent, msgType, content));
    }

    public void status(JsonObject parent, String state) {
        JsonObject c = new JsonObject();
        c.addProperty("execution_state", state);
        publish(parent, "status", c);
    }

    /** Waits until everything published before this call has been handed to ZeroMQ. */
    public boolean awaitSent(Duration timeout) {
        Marker m = new Marker(new CountDownLatch(1), false);
        queue.add(m);
        return await(m, timeout);
    }

    /** Sends what is queued, then closes the socket on the sender thread. */
    boolean close(Duration timeout) {
        Marker m = new Marker(new CountDownLatch(1), true);
        queue.add(m);
        return await(m, timeout);
    }

    /** For tests of an unstarted channel: what has been published so far. */
    java.util.List<Message> drainQueued() {
        java.util.List<Object> items = new java.util.ArrayList<>();
        queue.drainTo(items);
        return items.stream().filter(Message.class::isInstance).map(Message.class::cast).toList();
    }

    private static boolean await(Marker m, Duration timeout) {
        try {
            return m.done().await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void run() {
        try {
            while (true) {
                Object item = queue.take();
                if (item instanceof Message msg) {
                    send(msg);
                } else if (item instanceof Marker m) {
                    if (m.stop()) {
                        socket.close();
                        m.done().countDown();
                        return;
                    }
                    m.done().countDown();
                }
            }
        } catch (InterruptedException e) {
            socket.close();
        }
    }

    private void send(Message msg) {
        try {
            Frames.send(socket, codec.encode(msg));
        } catch (RuntimeException e) {
            // one message that cannot be sent must not silence every later one
            KernelLog.warn("iopub: could not send " + msg.type() + ": " + e);
        }
    }
}
