package io.jawait.protocol;

import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import zmq.ZError;

/** Echoes every heartbeat ping; runs on its own thread, so a busy cell never looks like a dead kernel. */
final class HeartbeatEcho implements Runnable {
    private final ZMQ.Socket socket;
    private final Kernel kernel;

    HeartbeatEcho(ZMQ.Socket socket, Kernel kernel) {
        this.socket = socket;
        this.kernel = kernel;
    }

    @Override
    public void run() {
        try {
            while (!kernel.stopping()) {
                var ping = Frames.receive(socket, 0);
                if (ping != null) {
                    Frames.send(socket, ping);
                }
            }
        } catch (ZMQException | ZError.CtxTerminatedException e) {
            if (!kernel.stopping()) {
                KernelLog.warn("heartbeat: socket failed: " + e);
            }
        } finally {
            Frames.close(socket);
        }
    }
}
