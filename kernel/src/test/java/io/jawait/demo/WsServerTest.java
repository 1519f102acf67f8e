package io.jawait.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Drives the hand-written server with the JDK's own WebSocket client, and with raw bytes for bad input. */
@Timeout(120)
class WsServerTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @AfterAll
    static void closeClient() {
        CLIENT.close();
    }

    /** Collects text messages and completes {@code closed} with the close code. */
    static final class Collector implements WebSocket.Listener {
        final List<String> messages = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final CompletableFuture<String> first = new CompletableFuture<>();
        private final StringBuilder part = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            part.append(data);
            if (last) {
                messages.add(part.toString());
                first.complete(part.toString());
                part.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            closed.complete(code);
            return null;
        }
    }

    private static WebSocket connect(URI uri, Collector collector) {
        return CLIENT.newWebSocketBuilder().buildAsync(uri, collector).join();
    }

    @Test
    void accept_key_matches_the_example_of_rfc_6455() {
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WsServer.acceptKey("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    @Test
    void echo_answers_each_message_including_long_ones() throws Exception {
        try (var echo = WsEcho.start()) {
            var collector = new Collector();
            WebSocket ws = connect(echo.uri(), collector);
            ws.sendText("Hello", true).join();
            String big = "x".repeat(70_000);
            ws.sendText(big, true).join();
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
            assertEquals(1000, collector.closed.get(5, TimeUnit.SECONDS));
            assertEquals(List.of("echo: Hello", "echo: " + big), collector.messages);
        }
    }

    @Test
    void ten_clients_of_a_slow_echo_wait_at_the_same_time() throws Exception {
        try (var echo = WsEcho.start(0.5)) {
            long start = System.nanoTime();
            List<Collector> collectors = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                var collector = new Collector();
                collectors.add(collector);
                connect(echo.uri(), collector).sendText("m" + i, true).join();
            }
            for (int i = 0; i < 10; i++) {
                assertEquals("echo: m" + i, collectors.get(i).first.get(5, TimeUnit.SECONDS));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds >= 0.5 && seconds < 2.5, "10 delayed echoes took " + seconds);
        }
    }

    @Test
    void hub_broadcasts_every_tick_to_every_client_then_closes() throws Exception {
        try (var hub = WsHub.start(0.2, 4, 20)) {
            assertTrue(hub.startedAt().isEmpty(), "no client yet, so no start");
            long beforeConnects = System.nanoTime();
            List<Collector> collectors = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                var collector = new Collector();
                collectors.add(collector);
                connect(hub.uri(), collector);
            }
            for (Collector c : collectors) {
                assertEquals(1000, c.closed.get(10, TimeUnit.SECONDS));
                assertEquals(List.of("tick 1/4", "tick 2/4", "tick 3/4", "tick 4/4"), c.messages);
            }
            long closed = System.nanoTime();
            assertEquals(80, hub.sent());
            long started = hub.startedAt().orElseThrow();
            assertTrue(started >= beforeConnects, "the first period began once the 20 clients were in");
            assertTrue(closed - started >= 800_000_000L, "4 ticks 0.2 s apart end 0.8 s after the start, not "
                    + (closed - started) / 1e9 + " s");
        }
    }

    @Test
    void a_plain_http_request_gets_400_not_a_hang() throws Exception {
        try (var echo = WsEcho.start(); var socket = new Socket("127.0.0.1", echo.uri().getPort())) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(reply.startsWith("HTTP/1.1 400"), reply);
        }
    }

    @Test
    void an_unmasked_client_frame_is_answered_with_close_1002() throws Exception {
        try (var echo = WsEcho.start(); var socket = new Socket("127.0.0.1", echo.uri().getPort())) {
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(new byte[] {(byte) 0x81, 2, 'h', 'i'});
            InputStream in = socket.getInputStream();
            String reply = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int close = reply.indexOf("\r\n\r\n") + 4;
            assertTrue(reply.startsWith("HTTP/1.1 101"), reply);
            assertEquals(0x88, reply.charAt(close) & 0xFF);
            assertEquals(1002, ((reply.charAt(close + 2) & 0xFF) << 8) | (reply.charAt(close + 3) & 0xFF));
        } catch (IOException e) {
            throw new AssertionError("server broke the connection instead of closing it with 1002", e);
        }
    }
}
