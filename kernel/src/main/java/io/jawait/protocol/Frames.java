package io.jawait.protocol;

import java.util.ArrayList;
import java.util.List;
import org.zeromq.ZMQ;

/** Multipart send and receive on a ZeroMQ socket, one whole message at a time. */
final class Frames {
    private Frames() {}

    /** The next message, or null when none came (non-blocking flags or a receive timeout). */
    static List<byte[]> receive(ZMQ.Socket socket, int flags) {
        byte[] first = socket.recv(flags);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            // the rest of a multipart message is already here: ZeroMQ delivers messages whole
            frames.add(socket.recv(0));
        }
        return frames;
    }

    static void send(ZMQ.Socket socket, List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    /** Closes a socket whose context may already be terminating; JeroMQ then throws, with nothing to undo. */
    static void close(ZMQ.Socket socket) {
        try {
            socket.close();
        } catch (RuntimeException e) {
            // the context is gone, and the socket with it
        }
    }
}
