package io.jawait.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests other than plain execution: stdin, interrupt, history, comms, bad messages, shutdown. */
class KernelRequestsIT {
    private KernelHarness k;
    private WireClient c;

    @BeforeEach
    void start() throws Exception {
        k = new KernelHarness();
        c = k.client;
    }

    @AfterEach
    void stop() throws Exception {
        k.close();
    }

    @Test
    void input_asks_the_requesting_client_and_its_answer_reaches_the_cell() {
        JsonObject cell = new JsonObject();
        cell.addProperty("code", "input name?");
        cell.addProperty("allow_stdin", true);
        Message request = c.send(c.shell, "execute_request", cell);
        Message ask = c.receive(c.stdin);
        assertEquals("input_request", ask.type());
        assertEquals("name?", ask.content().get("prompt").getAsString());
        assertEquals(request.id(), ask.parentHeader().get("msg_id").getAsString());
        JsonObject answer = new JsonObject();
        answer.addProperty("value", "Ada");
        c.send(c.stdin, "input_reply", answer);
        assertEquals("ok", c.receive(c.shell).content().get("status").getAsString());
        List<Message> io = c.iopubUntilIdle(request);
        assertEquals("Ada", io.get(2).content().getAsJsonObject("data").get("text/plain").getAsString());
    }

    @Test
    void input_fails_at_once_when_the_front_end_allows_no_stdin() {
        JsonObject cell = new JsonObject();
        cell.addProperty("code", "input name?");
        cell.addProperty("allow_stdin", false);
        c.send(c.shell, "execute_request", cell);
        Message reply = c.receive(c.shell);
        assertEquals("error", reply.content().get("status").getAsString());
        assertEquals("StdinNotAllowedException", reply.content().get("ename").getAsString());
    }

    @Test
    void interrupt_reaches_a_running_cell_and_ends_a_pending_input() throws Exception {
        c.execute("wait-interrupt");
        assertTrue(k.interpreter.blocked.tryAcquire(10, TimeUnit.SECONDS));
        c.send(c.control, "interrupt_request", new JsonObject());
        Message interruptReply = c.receive(c.control);
        assertEquals("interrupt_reply", interruptReply.type());
        assertEquals("ok", interruptReply.content().get("status").getAsString());
        assertEquals("Interrupted", c.receive(c.shell).content().get("ename").getAsString());

        c.execute("input waiting");
        assertEquals("input_request", c.receive(c.stdin).type());
        c.send(c.control, "interrupt_request", new JsonObject());
        c.receive(c.control);
        Message reply = c.receive(c.shell);
        assertEquals("IOException", reply.content().get("ename").getAsString());
    }

    @Test
    void an_interrupt_sent_before_the_running_cell_was_sent_leaves_that_cell_alone() throws Exception {
        // sent (dated) before the cell, arriving after it started: as from a client sending both back to back
        JsonObject header = c.session.header("interrupt_request");
        header.addProperty("date", Timestamps.format(java.time.Instant.now().minusMillis(50)));
        Message stale = new Message(List.of(), header, new JsonObject(), new JsonObject(), new JsonObject(), List.of());
        c.execute("wait-interrupt");
        assertTrue(k.interpreter.blocked.tryAcquire(10, TimeUnit.SECONDS));
        Frames.send(c.control, c.codec.encode(stale));
        assertEquals("ok", c.receive(c.control).content().get("status").getAsString());
        assertEquals(0, k.interpreter.interruptCalls.get(), "the stale interrupt reached the cell");
        c.send(c.control, "interrupt_request", new JsonObject());
        c.receive(c.control);
        assertEquals("Interrupted", c.receive(c.shell).content().get("ename").getAsString());
        assertEquals(1, k.interpreter.interruptCalls.get());
    }

    @Test
    void badly_signed_unsigned_and_garbage_messages_are_dropped_and_the_kernel_still_answers() {
        Message good = new Message(List.of(), c.session.header("execute_request"), new JsonObject(),
                new JsonObject(), cell("value SHOULD-NOT-RUN"), List.of());
        List<byte[]> forged = new ArrayList<>(c.codec.encode(good));
        forged.set(1, "0".repeat(64).getBytes(StandardCharsets.US_ASCII));
        List<byte[]> unsigned = new ArrayList<>(new WireCodec(new Signer("", "")).encode(good));
        for (var socket : List.of(c.shell, c.control)) {
            Frames.send(socket, forged);
            Frames.send(socket, unsigned);
            Frames.send(socket, List.of("garbage".getBytes(StandardCharsets.UTF_8)));
            Frames.send(socket, List.of(WireCodec.DELIMITER, new byte[0], new byte[] {(byte) 0xff, '{'}));
        }
        List<byte[]> badJson = new ArrayList<>(c.codec.encode(good));
        badJson.set(5, "{not json".getBytes(StandardCharsets.UTF_8));
        badJson.set(1, new Signer(KernelHarness.KEY, "hmac-sha256").sign(badJson.subList(2, 6))
                .getBytes(StandardCharsets.US_ASCII));
        Frames.send(c.shell, badJson);
        c.execute("value still-alive");
        Message reply = c.receive(c.shell);
        assertEquals(1, reply.content().get("execution_count").getAsInt());
        assertEquals("value still-alive", k.interpreter.last.code());
        c.send(c.control, "kernel_info_request", new JsonObject());
        assertEquals("ok", c.receive(c.control).content().get("status").getAsString());
    }

    @Test
    void unknown_requests_get_an_error_reply_and_other_messages_are_ignored() {
        c.send(c.shell, "frobnicate_request", new JsonObject());
        Message reply = c.receive(c.shell);
        assertEquals("frobnicate_reply", reply.type());
        assertEquals("error", reply.content().get("status").getAsString());
        assertEquals("UnknownRequest", reply.content().get("ename").getAsString());
        c.send(c.control, "debug_request", new JsonObject());
        assertEquals("debug_reply", c.receive(c.control).type());
        JsonObject badHistory = new JsonObject();
        badHistory.addProperty("hist_access_type", "sideways");
        c.send(c.shell, "history_request", badHistory);
        assertEquals("error", c.receive(c.shell).content().get("status").getAsString());
    }

    @Test
    void history_answers_tail_range_and_search() {
        for (String code : List.of("value a", "value b", "value a")) {
            c.execute(code);
            c.receive(c.shell);
        }
        JsonObject tail = new JsonObject();
        tail.addProperty("hist_access_type", "tail");
        tail.addProperty("n", 2);
        c.send(c.shell, "history_request", tail);
        Message reply = c.receive(c.shell);
        assertEquals("ok", reply.content().get("status").getAsString());
        assertEquals("[[1,2,\"value b\"],[1,3,\"value a\"]]", reply.content().get("history").toString());
        JsonObject range = new JsonObject();
        range.addProperty("hist_access_type", "range");
        range.addProperty("session", 0);
        range.addProperty("start", 1);
        range.addProperty("stop", 2);
        range.addProperty("output", true);
        c.send(c.shell, "history_request", range);
        assertEquals("[[1,1,[\"value a\",\"a\"]]]", c.receive(c.shell).content().get("history").toString());
        JsonObject search = new JsonObject();
        search.addProperty("hist_access_type", "search");
        search.addProperty("pattern", "value ?");
        search.addProperty("unique", true);
        c.send(c.shell, "history_request", search);
        assertEquals("[[1,2,\"value b\"],[1,3,\"value a\"]]",
                c.receive(c.shell).content().get("history").toString());
    }

    @Test
    void completion_inspection_is_complete_and_comm_info_reply_with_status() {
        JsonObject complete = new JsonObject();
        complete.addProperty("code", "System.out.pr");
        complete.addProperty("cursor_pos", 13);
        c.send(c.shell, "complete_request", complete);
        JsonObject r = c.receive(c.shell).content();
        assertEquals("ok", r.get("status").getAsString());
        assertEquals(13, r.get("cursor_end").getAsInt());
        assertEquals("method", r.getAsJsonObject("metadata").getAsJsonArray("_jupyter_types_experimental")
                .get(0).getAsJsonObject().get("type").getAsString());
        c.send(c.shell, "inspect_request", complete);
        r = c.receive(c.shell).content();
        assertTrue(r.get("found").getAsBoolean());
        JsonObject code = new JsonObject();
        code.addProperty("code", "int y = (1 +(");
        c.send(c.shell, "is_complete_request", code);
        r = c.receive(c.shell).content();
        assertEquals("incomplete", r.get("status").getAsString());
        assertEquals("    ", r.get("indent").getAsString());
        c.send(c.shell, "comm_info_request", new JsonObject());
        r = c.receive(c.shell).content();
        assertEquals("ok", r.get("status").getAsString());
        assertEquals(0, r.getAsJsonObject("comms").size());
    }

    @Test
    void completion_and_inspection_count_the_cursor_in_code_points_as_the_protocol_does() {
        // five emoji: five code points, ten UTF-16 units; the interpreter behind is given and gives string indexes
        String code = "String globes = \"" + "\uD83C\uDF0D".repeat(5) + "\"; Math.sq";
        int points = code.codePointCount(0, code.length());
        JsonObject complete = new JsonObject();
        complete.addProperty("code", code);
        complete.addProperty("cursor_pos", points);
        c.send(c.shell, "complete_request", complete);
        JsonObject r = c.receive(c.shell).content();
        assertEquals(points - 2, r.get("cursor_start").getAsInt(), r.toString());
        assertEquals(points, r.get("cursor_end").getAsInt(), r.toString());
        JsonObject type = r.getAsJsonObject("metadata").getAsJsonArray("_jupyter_types_experimental").get(0)
                .getAsJsonObject();
        assertEquals(points - 2, type.get("start").getAsInt());
        assertEquals(points, type.get("end").getAsInt());
        JsonObject inspect = new JsonObject();
        inspect.addProperty("code", code);
        inspect.addProperty("cursor_pos", points - 7);
        c.send(c.shell, "inspect_request", inspect);
        JsonObject about = c.receive(c.shell).content().getAsJsonObject("data");
        assertEquals("about Math.sq", about.get("text/plain").getAsString());
        // a cursor past the end is taken as the end, as ipykernel clamps it
        complete.addProperty("cursor_pos", points + 40);
        c.send(c.shell, "complete_request", complete);
        assertEquals(points, c.receive(c.shell).content().get("cursor_end").getAsInt());
    }

    @Test
    void a_comm_opened_to_an_unknown_target_is_closed_at_once() {
        JsonObject open = new JsonObject();
        open.addProperty("comm_id", "c-1");
        open.addProperty("target_name", "nobody");
        open.add("data", new JsonObject());
        Message request = c.send(c.shell, "comm_open", open);
        List<Message> io = c.iopubUntilIdle(request);
        Message close = io.stream().filter(m -> m.type().equals("comm_close")).findFirst().orElseThrow();
        assertEquals("c-1", close.content().get("comm_id").getAsString());
    }

    @Test
    void heartbeat_echoes_what_it_gets() {
        byte[] ping = "ping-1".getBytes(StandardCharsets.UTF_8);
        c.hb.send(ping, 0);
        assertArrayEquals(ping, c.hb.recv(0));
    }

    @Test
    void shutdown_on_shell_with_restart_replies_shuts_the_interpreter_down_and_exits_0() throws Exception {
        JsonObject restart = new JsonObject();
        restart.addProperty("restart", true);
        c.send(c.shell, "shutdown_request", restart);
        Message reply = c.receive(c.shell);
        assertEquals("shutdown_reply", reply.type());
        assertEquals("ok", reply.content().get("status").getAsString());
        assertTrue(reply.content().get("restart").getAsBoolean());
        assertEquals(0, k.exitStatus.get(10, TimeUnit.SECONDS));
        assertTrue(k.interpreter.shutdowns.await(1, TimeUnit.SECONDS));
    }

    @Test
    void shutdown_on_control_exits_0_promptly() throws Exception {
        long start = System.nanoTime();
        assertEquals(0, k.shutdown(false));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3), "took too long");
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("jawait-shell") && t.isAlive() && waitEnd(t)));
    }

    private static boolean waitEnd(Thread t) {
        try {
            return !t.join(java.time.Duration.ofSeconds(3));
        } catch (InterruptedException e) {
            return true;
        }
    }

    private static JsonObject cell(String code) {
        JsonObject o = new JsonObject();
        o.addProperty("code", code);
        return o;
    }
}
