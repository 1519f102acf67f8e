package io.jawait.demo;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The server's side of one WebSocket connection, after the handshake: messages in, messages out.
 *
 * <p>{@link #receive()} is for one reader thread; {@link #send} may be called from any thread (a broadcaster
 * and the reader answering a ping share the socket, so writes take a lock).
 */
final class WsConnection implements AutoCloseable {

    private final Socket socket;
    private final String path;
    private final InputStream in;
    private final OutputStream out;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile boolean closeSent;
    private volatile boolean closed;

    WsConnection(Socket socket, InputStream in, String path) throws IOException {
        this.socket = socket;
        this.path = path;
        this.in = in;
        this.out = socket.getOutputStream();
    }

    /**
     * Waits for the next whole text message, answering pings meanwhile; null once the peer has closed (the
     * close handshake is completed here) or broken the protocol (the connection is closed with its code).
     */
    String receive() throws IOException {
        try {
            return readMessage();
        } catch (WsFrames.ProtocolException e) {
            close(e.code, e.getMessage());
            return null;
        } catch (EOFException e) {
            closeSocket();
            return null;
        }
    }

    /** Reads frames to the end of the next data message, answering pings; null once the peer has closed. */
    private String readMessage() throws IOException {
        var message = new ByteArrayOutputStream();
        boolean inMessage = false;
        while (true) {
            var frame = WsFrames.read(in);
            switch (frame.opcode()) {
                case WsFrames.PING -> sendFrame(WsFrames.PONG, frame.payload());
                case WsFrames.PONG -> { }
                case WsFrames.CLOSE -> {
                    finishClose(frame.payload());
                    return null;
                }
                case WsFrames.TEXT, WsFrames.BINARY, WsFrames.CONTINUATION -> {
                    if (inMessage == (frame.opcode() != WsFrames.CONTINUATION)) {
                        throw new WsFrames.ProtocolException(1002, "unexpected frame " + frame.opcode());
                    }
                    inMessage = true;
                    message.write(frame.payload());
                    if (message.size() > WsFrames.MAX_PAYLOAD) {
                        throw new WsFrames.ProtocolException(1009, "message over the 16 MiB limit");
                    }
                    if (frame.fin()) {
                        return decode(message.toByteArray());
                    }
                }
                default -> throw new WsFrames.ProtocolException(1002, "unknown opcode " + frame.opcode());
            }
        }
    }

    /** Sends one text message. */
    void send(String text) throws IOException {
        sendFrame(WsFrames.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The path the client asked for in its handshake, such as {@code /ws}. */
    String path() {
        return path;
    }

    boolean isOpen() {
        return !closed && !closeSent;
    }

    /** Starts the close handshake with {@code code}; the socket closes when the peer answers or reading ends. */
    void close(int code, String reason) {
        if (closeSent || closed) {
            return;
        }
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        var payload = ByteBuffer.allocate(2 + Math.min(text.length, 123));
        payload.putShort((short) code).put(text, 0, payload.remaining());
        try {
            sendFrame(WsFrames.CLOSE, payload.array());
        } catch (IOException e) {
            closeSocket();
        }
        if (code != 1000 && code != 1001) {
            closeSocket();
        }
    }

    /**
     * Ends a connection whose session is over: sends a normal close (1000) and reads until the client answers,
     * for at most {@code timeoutMillis}, before closing the socket. Closing the socket at once could reset the
     * connection before the client has read the close frame.
     */
    void finish(int timeoutMillis) {
        close(1000, "bye");
        try {
            socket.setSoTimeout(timeoutMillis);
            while (!closed) {
                var frame = WsFrames.read(in);
                if (frame.opcode() == WsFrames.CLOSE) {
                    break;
                }
            }
        } catch (IOException e) {
            // timeout, reset or a bad frame: the socket is closed just below either way
        }
        closeSocket();
    }

    /** Closes the socket at once, as a server that is shutting down does after saying so. */
    @Override
    public void close() {
        close(1001, "server closing");
        closeSocket();
    }

    private void finishClose(byte[] payload) {
        if (!closeSent) {
            byte[] echo = payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0];
            try {
                sendFrame(WsFrames.CLOSE, echo);
            } catch (IOException ignored) {
                // the peer may already be gone; the socket is closed just below either way
            }
        }
        closeSocket();
    }

    private void sendFrame(int opcode, byte[] payload) throws IOException {
        writeLock.lock();
        try {
            if (closeSent || closed) {
                throw new IOException("WebSocket is closed");
            }
            closeSent = opcode == WsFrames.CLOSE;
            WsFrames.write(out, opcode, payload);
        } finally {
            writeLock.unlock();
        }
    }

    private String decode(byte[] bytes) throws WsFrames.ProtocolException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new WsFrames.ProtocolException(1007, "text message is not valid UTF-8");
        }
    }

    private void closeSocket() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort: nothing more can be sent on a socket that fails to close
        }
    }
}
