package io.jawait.demo;

import static io.jawait.async.Async.async;
import static io.jawait.async.Async.await;
import static io.jawait.async.Async.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.async.Mode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AppTest {

    @Test
    void routes_answer_compact_json_with_path_and_query_parameters() throws Exception {
        try (var app = App.create()) {
            app.getAsync("/users", req -> async(() -> List.of(Map.of("name", "Nitin"))));
            app.get("/users/{id}", req -> Map.of("id", req.pathParam("id"), "q", req.query("q", "none")));
            app.start();
            Response users = Http.blockingGet(app.url("/users"));
            assertEquals(200, users.status());
            assertEquals("[{\"name\":\"Nitin\"}]", users.text());
            assertEquals("application/json", users.header("content-type"));
            assertEquals(Map.of("id", "7", "q", "x"), Http.blockingGet(app.url("/users/7?q=x")).json());
        }
    }

    @Test
    void errors_become_json_statuses_and_the_server_keeps_serving() throws Exception {
        try (var app = App.create()) {
            app.get("/missing", req -> { throw new HttpError(404, "no such thing"); });
            app.get("/boom", req -> { throw new IllegalStateException("boom"); });
            app.getAsync("/needs-s", req -> async(() -> req.query("s")));
            app.getAsync("/null", req -> null);
            app.post("/only-post", req -> "ok");
            app.start();
            assertEquals("{\"detail\":\"no such thing\"}", Http.blockingGet(app.url("/missing")).text());
            assertEquals(500, Http.blockingGet(app.url("/boom")).status());
            assertEquals(422, Http.blockingGet(app.url("/needs-s")).status());
            assertEquals(500, Http.blockingGet(app.url("/null")).status());
            assertEquals(404, Http.blockingGet(app.url("/nowhere")).status());
            assertEquals(405, Http.blockingGet(app.url("/only-post")).status());
            assertThrows(IllegalArgumentException.class, () -> app.get("no-slash", req -> 1));
            assertThrows(IllegalStateException.class, () -> app.threadpool(2));
        }
    }

    @Test
    void a_blocking_async_route_holds_up_the_loop_but_an_awaiting_one_does_not() throws Exception {
        try (var app = App.create(); var db = AsyncDb.h2("apptest")) {
            app.getAsync("/async-blocking", req -> async(() -> { Thread.sleep(1000); return "done"; }));
            app.getAsync("/async", req -> async(() -> { sleep(1); return "done"; }));
            app.getAsync("/report", req -> async(() -> await(db.execute("SELECT pg_sleep(1)"))));
            app.getAsync("/health", req -> async(() -> Map.of("ok", true)));
            app.start();
            Http.blockingGet(app.url("/health"));
            assertTrue(app.latencyDuring("/async-blocking", "/health") >= 0.7);
            assertTrue(app.latencyDuring("/async", "/health") < 0.5);
            assertTrue(app.latencyDuring("/report", "/health") < 0.5);
        }
    }

    @Test
    void blocking_sync_routes_share_the_threadpool_and_virtual_apps_block_nothing() throws Exception {
        try (var small = App.create().threadpool(2); var virtual = App.create(Mode.VIRTUAL)) {
            small.get("/sync", req -> { Thread.sleep(500); return Map.of("msg", "done"); }).start();
            virtual.getAsync("/async-blocking", req -> async(() -> { Thread.sleep(500); return "done"; })).start();
            Http.Burst two = Http.burst(small.url("/sync"), 3);
            Http.Burst many = Http.burst(virtual.url("/async-blocking"), 20);
            assertTrue(two.allOk() && many.allOk(), two + " / " + many);
            assertTrue(two.seconds() >= 1.0, "3 x 0.5 s on 2 threads took " + two.seconds());
            assertTrue(many.seconds() >= 0.5 && many.seconds() < 2.0, "20 x 0.5 s virtual took " + many.seconds());
        }
    }

    @Test
    void background_tasks_run_after_the_response() throws Exception {
        try (var app = App.create()) {
            var release = new java.util.concurrent.CountDownLatch(1);
            app.post("/resize", req -> {
                req.background(release::await);
                return Map.of("status", "accepted");
            });
            app.getAsync("/jobs", req -> async(() -> Map.of("done", app.backgroundDone())));
            app.start();
            var client = Http.client(false);
            var post = Http.request(app.url("/resize")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
            var reply = client.send(post, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"status\":\"accepted\"}", reply.body());
            assertEquals(Map.of("done", 0L), Http.blockingGet(app.url("/jobs")).json());
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (app.backgroundDone() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(Map.of("done", 1L), Http.blockingGet(app.url("/jobs")).json());
            assertEquals(0, app.backgroundFailed());
        }
    }

    @Test
    void websocket_routes_receive_and_answer_in_both_kinds_of_app() throws Exception {
        for (Mode mode : Mode.values()) {
            try (var app = App.create(mode)) {
                app.websocket("/ws", ws -> async(() -> {
                    String text = await(ws.receiveText());
                    await(ws.sendText("Message text was: " + text));
                }));
                app.getAsync("/health", req -> async(() -> "ok"));
                app.start();
                try (var idle = await(Ws.connect(app.wsUrl("/ws"))); var client = await(Ws.connect(app.wsUrl("/ws")))) {
                    assertEquals("\"ok\"", Http.blockingGet(app.url("/health")).text(), mode + ": loop free while a route waits");
                    await(client.send("hi"));
                    assertEquals("Message text was: hi", await(client.recv()), mode.toString());
                    assertEquals(null, await(client.recv()), mode + ": closed when the route ends");
                }
                try (var lost = await(Ws.connect(app.wsUrl("/nowhere")))) {
                    assertEquals(null, await(lost.recv()));
                }
            }
        }
    }
}
