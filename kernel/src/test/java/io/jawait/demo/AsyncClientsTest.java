package io.jawait.demo;

import static io.jawait.async.Async.async;
import static io.jawait.async.Async.await;
import static io.jawait.async.Async.gather;
import static io.jawait.async.Async.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.async.Coro;
import io.jawait.async.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AsyncHttp, Ws and AFiles: the clients whose calls are coroutines. */
class AsyncClientsTest {

    @Test
    void three_gathered_gets_take_as_long_as_the_slowest_in_loop_mode() throws Exception {
        try (var web = LocalWeb.start(0.5); var client = AsyncHttp.open()) {
            web.latency("github.com", 0.8);
            Coro<List<String>> main = async(() -> {
                List<String> titles = new ArrayList<>();
                for (Response r : gather(client.get(web.url("https://example.com")),
                        client.get(web.url("https://google.com")), client.get(web.url("https://github.com")))) {
                    titles.add(LocalWeb.titleOf(r.text()));
                }
                return titles;
            });
            long start = System.nanoTime();
            assertEquals(List.of("example.com", "google.com", "github.com"), run(main, Mode.LOOP));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds >= 0.8 && seconds < 1.6, "3 gathered requests took " + seconds);
            assertEquals(3, web.maxInFlight());
        }
    }

    @Test
    void response_gives_status_json_and_headers_and_post_sends_json() throws Exception {
        try (var web = LocalWeb.start(0); var app = App.create(Mode.VIRTUAL); var client = AsyncHttp.open()) {
            app.post("/echo", req -> req.json()).start();
            Response user = await(client.get(web.url("https://api.example.com/users/1")));
            assertEquals(200, user.status());
            assertEquals(Map.of("id", 1L, "name", "Nitin"), user.json());
            assertEquals("application/json", user.header("Content-Type"));
            assertEquals(Map.of("a", List.of(1L, 2L)), await(client.post(app.url("/echo"), Map.of("a", List.of(1, 2)))).json());
            assertThrows(IllegalArgumentException.class, () -> client.get("example.com"));
        }
    }

    @Test
    void websocket_client_sends_and_receives_and_sees_the_close() throws Exception {
        try (var echo = WsEcho.start(); var websocket = await(Ws.connect(echo.uri()))) {
            await(websocket.send("Hello"));
            await(websocket.send("again"));
            assertEquals("echo: Hello", await(websocket.recv()));
            assertEquals("echo: again", await(websocket.recv()));
        }
        try (var hub = WsHub.start(0.1, 2); var feed = await(Ws.connect(hub.uri().toString()))) {
            assertEquals("tick 1/2", await(feed.recv()));
            assertEquals("tick 2/2", await(feed.recv()));
            assertNull(await(feed.recv()));
        }
        assertThrows(IllegalArgumentException.class, () -> Ws.connect("http://127.0.0.1/"));
    }

    @Test
    void hundred_websocket_clients_each_get_every_broadcast() throws Exception {
        int clients = 100;
        try (var hub = WsHub.start(0.3, 3, clients)) {
            List<Coro<Integer>> listeners = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                listeners.add(async(() -> {
                    try (var ws = await(Ws.connect(hub.uri()))) {
                        int n = 0;
                        while (await(ws.recv()) != null) {
                            n++;
                        }
                        return n;
                    }
                }));
            }
            List<Integer> counts = run(async(() -> gather(listeners)), Mode.LOOP);
            assertEquals(clients, counts.size());
            assertTrue(counts.stream().allMatch(n -> n == 3), counts.toString());
        }
    }

    @Test
    void afiles_write_then_read_text_and_lines(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("demo.txt");
        try (var f = await(AFiles.open(path, "w"))) {
            assertEquals(16, await(f.write("hello async file")));
        }
        try (var f = await(AFiles.open(path, "a"))) {
            await(f.write("\nsecond line\n"));
        }
        try (var f = await(AFiles.open(path.toString(), "r"))) {
            assertEquals("hello async file\nsecond line\n", await(f.read()));
        }
        try (var f = await(AFiles.open(path, "r"))) {
            assertEquals(List.of("hello async file", "second line"), await(f.lines()));
            assertThrows(IllegalStateException.class, () -> await(f.write("no")));
        }
        assertEquals("hello async file\nsecond line\n", Files.readString(path));
        assertThrows(IllegalArgumentException.class, () -> AFiles.open(path, "rw"));
        assertThrows(java.nio.file.NoSuchFileException.class, () -> await(AFiles.open(dir.resolve("none"), "r")));
    }
}
