package io.jawait.protocol;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/** A minimal Jupyter client over JeroMQ for wire-level tests: what jupyter_client does, in Java. */
final class WireClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    final ZMQ.Context context = ZMQ.context(1);
    final ZMQ.Socket shell;
    final ZMQ.Socket control;
    final ZMQ.Socket stdin;
    final ZMQ.Socket iopub;
    final ZMQ.Socket hb;
    final WireCodec codec;
    final Session session = new Session("tester");

    WireClient(ConnectionInfo info) {
        codec = new WireCodec(new Signer(info.key(), info.signatureScheme()));
        byte[] identity = session.id().getBytes(StandardCharsets.US_ASCII);
        shell = connect(SocketType.DEALER, info, info.shellPort(), identity);
        control = connect(SocketType.DEALER, info, info.controlPort(), identity);
        stdin = connect(SocketType.DEALER, info, info.stdinPort(), identity);
        hb = connect(SocketType.REQ, info, info.hbPort(), null);
        iopub = connect(SocketType.SUB, info, info.iopubPort(), null);
        iopub.subscribe(new byte[0]);
    }

    /**
     * Five free loopback ports. Each stays held until all five are chosen, so the system cannot hand out one port
     * twice; another process may still take one before the kernel binds it (see {@link KernelHarness}).
     */
    static ConnectionInfo freshConnection(String key) throws IOException {
        int[] ports = new int[5];
        var held = new java.util.ArrayList<ServerSocket>();
        try {
            for (int i = 0; i < ports.length; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(s);
                ports[i] = s.getLocalPort();
            }
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
        return new ConnectionInfo("tcp", "127.0.0.1", ports[0], ports[1], ports[2], ports[3], ports[4], key,
                "hmac-sha256");
    }

    private ZMQ.Socket connect(SocketType type, ConnectionInfo info, int port, byte[] identity) {
        ZMQ.Socket s = context.socket(type);
        if (identity != null) {
            s.setIdentity(identity);
        }
        s.setLinger(0);
        s.setReceiveTimeOut((int) WAIT.toMillis());
        s.connect(info.endpoint(port));
        return s;
    }

    Message send(ZMQ.Socket socket, String type, JsonObject content) {
        Message m = new Message(List.of(), session.header(type), new JsonObject(), new JsonObject(), content, List.of());
        Frames.send(socket, codec.encode(m));
        return m;
    }

    Message execute(String code) {
        JsonObject c = new JsonObject();
        c.addProperty("code", code);
        return send(shell, "execute_request", c);
    }

    /** The next message on a socket, or an AssertionError after {@link #WAIT}. */
    Message receive(ZMQ.Socket socket) {
        List<byte[]> frames = Frames.receive(socket, 0);
        if (frames == null) {
            throw new AssertionError("no message within " + WAIT);
        }
        try {
            return codec.decode(frames);
        } catch (MalformedMessageException e) {
            throw new AssertionError("the kernel sent a bad message", e);
        }
    }

    /**
     * A heartbeat round trip: the kernel's single I/O thread has then taken in what this client sent before
     * on other sockets, so requests sent earlier are queued in the kernel, not still on the wire.
     */
    void roundTripAfterSends() {
        byte[] ping = session.id().getBytes(StandardCharsets.US_ASCII);
        hb.send(ping, 0);
        if (hb.recv(0) == null) {
            throw new AssertionError("no heartbeat within " + WAIT);
        }
    }

    /** iopub messages for one request, up to and including its idle status. */
    List<Message> iopubUntilIdle(Message request) {
        List<Message> seen = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Message m = receive(iopub);
            if (!Message.stringOf(m.parentHeader(), "msg_id").equals(request.id())) {
                continue;
            }
            seen.add(m);
            if (m.type().equals("status") && Json.string(m.content(), "execution_state", "").equals("idle")) {
                return seen;
            }
        }
        throw new AssertionError("no idle for " + request.type() + "; saw " + types(seen));
    }

    static List<String> types(List<Message> messages) {
        return messages.stream().map(Message::type).toList();
    }

    /** Sends kernel_info until its iopub status arrives: the iopub subscription is then live. */
    void awaitReady() {
        iopub.setReceiveTimeOut(200);
        try {
            for (int attempt = 0; attempt < 50; attempt++) {
                Message request = send(shell, "kernel_info_request", new JsonObject());
                receive(shell);
                List<byte[]> frames;
                while ((frames = Frames.receive(iopub, 0)) != null) {
                    if (parentId(frames).equals(request.id())) {
                        drainIopub();
                        return;
                    }
                }
            }
            throw new AssertionError("iopub never delivered a status");
        } finally {
            iopub.setReceiveTimeOut((int) WAIT.toMillis());
        }
    }

    private String parentId(List<byte[]> frames) {
        try {
            return Message.stringOf(codec.decode(frames).parentHeader(), "msg_id");
        } catch (MalformedMessageException e) {
            throw new AssertionError("the kernel sent a bad message", e);
        }
    }

    private void drainIopub() {
        while (Frames.receive(iopub, 0) != null) {
            // the rest of the ready handshake
        }
    }

    @Override
    public void close() {
        for (ZMQ.Socket s : List.of(shell, control, stdin, iopub, hb)) {
            s.close();
        }
        context.term();
    }
}
