package io.jawait.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jawait.async.Async;
import io.jawait.async.Mode;
import org.junit.jupiter.api.Test;

/** The coroutine-handled endpoint, driven by the demo's own client in both modes. */
class WsEndpointTest {

    private static WsEndpoint answerOnce() {
        return WsEndpoint.start(ws -> Async.async(() -> {
            String text = Async.await(ws.receiveText());
            Async.await(ws.sendText("Message text was: " + text));
        }));
    }

    private static String[] exchange(WsEndpoint endpoint, Mode mode) throws Exception {
        return Async.run(Async.async(() -> {
            try (var client = Async.await(Ws.connect(endpoint.uri()))) {
                Async.await(client.send("hi"));
                return new String[] {Async.await(client.recv()), Async.await(client.recv())};
            }
        }), mode);
    }

    @Test
    void the_handler_receives_the_text_and_its_answer_reaches_the_client_then_the_connection_closes()
            throws Exception {
        try (var endpoint = answerOnce()) {
            String[] replies = exchange(endpoint, Mode.VIRTUAL);
            assertEquals("Message text was: hi", replies[0]);
            assertNull(replies[1]);
        }
    }

    @Test
    void a_loop_mode_client_gets_the_same_answer() throws Exception {
        try (var endpoint = answerOnce()) {
            assertEquals("Message text was: hi", exchange(endpoint, Mode.LOOP)[0]);
        }
    }

    @Test
    void a_missing_handler_is_refused_with_a_clear_message() {
        var e = assertThrows(NullPointerException.class, () -> WsEndpoint.start(null));
        assertEquals("a WebSocket endpoint needs a handler", e.getMessage());
    }
}
