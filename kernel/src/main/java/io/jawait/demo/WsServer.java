package io.jawait.demo;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A minimal RFC 6455 server on 127.0.0.1: accepts connections, does the opening handshake, and gives each
 * connection its own virtual thread running {@code session}. No extensions, no subprotocols.
 */
final class WsServer implements AutoCloseable {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    /** What to do with one accepted connection; it runs on that connection's own virtual thread. */
    interface Session {
        void run(WsConnection connection) throws IOException;
    }

    private final ServerSocket listener;
    private final Session session;
    private final Set<WsConnection> open = ConcurrentHashMap.newKeySet();
    private final Consumer<WsConnection> onOpen;

    WsServer(Session session, Consumer<WsConnection> onOpen) {
        this.session = session;
        this.onOpen = onOpen;
        try {
            listener = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("WebSocket server could not start on 127.0.0.1", e);
        }
        Thread.ofVirtual().name("ws-accept-" + listener.getLocalPort()).start(this::acceptLoop);
    }

    URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + listener.getLocalPort() + path);
    }

    Set<WsConnection> connections() {
        return open;
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // the accept loop ends either way
        }
        open.forEach(WsConnection::close);
    }

    /** The Sec-WebSocket-Accept value for a client's key (RFC 6455 section 4.2.2). */
    static String acceptKey(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1")
                    .digest((key.strip() + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Thread.ofVirtual().name("ws-" + socket.getPort()).start(() -> serve(socket));
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    System.err.println("WebSocket server: accept failed: " + e.getMessage());
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String path = handshake(socket, in);
            if (path != null) {
                serve(new WsConnection(socket, in, path));
            }
        } catch (IOException e) {
            // the client went away during the handshake; nothing is waiting for this connection's outcome
        }
    }

    /** Runs the session, then ends the connection with a close handshake while the socket is still open. */
    private void serve(WsConnection connection) {
        open.add(connection);
        try {
            onOpen.accept(connection);
            session.run(connection);
        } catch (IOException e) {
            // the client went away; the close below is then best effort
        } finally {
            open.remove(connection);
            connection.finish(2000);
        }
    }

    /** Answers the opening handshake; the request's path if it was a valid upgrade, otherwise null. */
    private static String handshake(Socket socket, InputStream in) throws IOException {
        String head = readHead(in);
        Map<String, String> headers = new HashMap<>();
        String[] lines = head == null ? new String[] {""} : head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        String key = headers.get("sec-websocket-key");
        boolean ok = lines[0].matches("GET /\\S* HTTP/1\\.1") && key != null
                && "websocket".equalsIgnoreCase(headers.get("upgrade"))
                && "13".equals(headers.get("sec-websocket-version"));
        String reply = ok
                ? "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + acceptKey(key) + "\r\n\r\n"
                : badRequest("expected a WebSocket upgrade: GET with Upgrade: websocket, Sec-WebSocket-Key and"
                        + " Sec-WebSocket-Version: 13\n");
        socket.getOutputStream().write(reply.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return ok ? lines[0].split(" ")[1].split("\\?")[0] : null;
    }

    private static String badRequest(String text) {
        return "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: "
                + text.length() + "\r\n\r\n" + text;
    }

    /** Reads up to the blank line that ends the request head; the same buffered stream then reads frames. */
    private static String readHead(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        int matched = 0;
        while (head.size() < MAX_HEADER_BYTES) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }
}
