package io.jawait.protocol;

import java.util.List;
import java.util.ArrayDeque;
import java.util.Deque;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import zmq.ZError;

/**
 * One thread serving a shell or control socket: a blocking receive (no polling sleep), then the dispatcher.
 * Each message is handled inside its own catch, so no message, however broken, ends the thread.
 */
final class SocketLoop implements Runnable {
    private final ZMQ.Socket socket;
    private final WireCodec codec;
    private final Dispatcher dispatcher;
    private final Dispatcher.Channel channel;
    private final Kernel kernel;
    private final Replier send;
    private final Deque<List<byte[]>> held = new ArrayDeque<>();

    SocketLoop(ZMQ.Socket socket, WireCodec codec, Dispatcher dispatcher, Dispatcher.Channel channel,
               Kernel kernel) {
        this.socket = socket;
        this.codec = codec;
        this.dispatcher = dispatcher;
        this.channel = channel;
        this.kernel = kernel;
        this.send = new Replier() {
            public void send(Message reply) {
                Frames.send(socket, codec.encode(reply));
            }

            public void holdQueued() {
                List<byte[]> frames;
                while ((frames = Frames.receive(socket, ZMQ.DONTWAIT)) != null) {
                    held.add(frames);
                }
            }
        };
    }

    @Override
    public void run() {
        try {
            while (!kernel.stopping()) {
                List<byte[]> frames = Frames.receive(socket, 0);
                if (frames != null && serve(frames) == Dispatcher.Next.ABORT_QUEUED) {
                    abortQueued();
                }
            }
        } catch (ZMQException | ZError.CtxTerminatedException e) {
            if (!kernel.stopping()) {
                KernelLog.warn(channel + ": socket failed: " + e);
            }
        } finally {
            Frames.close(socket);
        }
    }

    private Dispatcher.Next serve(List<byte[]> frames) {
        Message request;
        try {
            request = codec.decode(frames);
        } catch (MalformedMessageException e) {
            KernelLog.warn(channel + ": dropped a message: " + e.getMessage());
            return Dispatcher.Next.CONTINUE;
        }
        Dispatcher.Next next = dispatcher.dispatch(request, channel, send);
        if (next == Dispatcher.Next.SHUTDOWN) {
            kernel.shutdown();
        }
        return next;
    }

    /**
     * After a failed cell with stop_on_error, the execute requests that were waiting when it failed are
     * answered "aborted", as ipykernel does; other requests among them are served as usual.
     */
    private void abortQueued() {
        while (!kernel.stopping() && !held.isEmpty()) {
            List<byte[]> frames = held.poll();
            try {
                Message request = codec.decode(frames);
                if (request.type().equals("execute_request")) {
                    dispatcher.abort(request, send);
                    continue;
                }
            } catch (MalformedMessageException e) {
                KernelLog.warn(channel + ": dropped a message: " + e.getMessage());
                continue;
            }
            serve(frames);
        }
        held.clear();
    }
}
