package io.jawait.protocol;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.zeromq.ZMQ;

/**
 * The stdin socket: asks the front end that sent a cell for a line of input. One question at a time; a
 * second thread asking waits its turn. An interrupt or shutdown ends a pending question with an IOException.
 */
final class StdinChannel {
    // how often a waiting question looks at the cancel flags; only bounds how long an interrupt takes
    private static final int WAKE_MILLIS = 50;
    private final ReentrantLock lock = new ReentrantLock();
    private final ZMQ.Socket socket;
    private final WireCodec codec;
    private final Session session;
    private volatile long generation;
    private volatile boolean closed;

    StdinChannel(ZMQ.Socket socket, WireCodec codec, Session session) {
        this.socket = socket;
        this.codec = codec;
        this.session = session;
        socket.setReceiveTimeOut(WAKE_MILLIS);
    }

    String request(List<byte[]> identities, JsonObject parent, String prompt, boolean password) throws IOException {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            throw new IOException("input interrupted");
        }
        try {
            long asked = generation;
            if (closed) {
                throw new IOException("the kernel is shutting down");
            }
            while (Frames.receive(socket, ZMQ.DONTWAIT) != null) {
                // replies to questions nobody waits for any more
            }
            JsonObject c = new JsonObject();
            c.addProperty("prompt", prompt);
            c.addProperty("password", password);
            Message ask = new Message(identities, session.header("input_request"), parent, new JsonObject(), c,
                    List.of());
            Frames.send(socket, codec.encode(ask));
            return awaitReply(asked);
        } finally {
            lock.unlock();
        }
    }

    private String awaitReply(long asked) throws IOException {
        while (true) {
            if (closed) {
                throw new IOException("the kernel is shutting down");
            }
            if (generation != asked || Thread.currentThread().isInterrupted()) {
                throw new IOException("input interrupted");
            }
            List<byte[]> frames = Frames.receive(socket, 0);
            if (frames == null) {
                continue;
            }
            try {
                Message m = codec.decode(frames);
                if (m.type().equals("input_reply")) {
                    return Message.stringOf(m.content(), "value");
                }
            } catch (MalformedMessageException e) {
                KernelLog.warn("stdin: dropped a message: " + e.getMessage());
            }
        }
    }

    /** Ends the question being asked, if any. */
    void cancel() {
        generation++;
    }

    void close() {
        closed = true;
        try {
            if (lock.tryLock(2, TimeUnit.SECONDS)) {
                try {
                    socket.close();
                } finally {
                    lock.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
