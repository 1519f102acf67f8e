package io.jawait.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives a real kernel over ZeroMQ with a Java client: ordering, counting, aborting, streams, displays. */
class KernelWireIT {
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
    void kernel_info_reply_carries_status_protocol_and_language_info() {
        Message request = c.send(c.shell, "kernel_info_request", new JsonObject());
        Message reply = c.receive(c.shell);
        assertEquals("kernel_info_reply", reply.type());
        assertEquals(request.id(), reply.parentHeader().get("msg_id").getAsString());
        JsonObject content = reply.content();
        assertEquals("ok", content.get("status").getAsString());
        assertEquals("5.3", content.get("protocol_version").getAsString());
        assertEquals("jawait", content.get("implementation").getAsString());
        JsonObject lang = content.getAsJsonObject("language_info");
        assertEquals("java", lang.get("name").getAsString());
        assertEquals("text/x-java", lang.get("codemirror_mode").getAsString());
        assertEquals("java", lang.get("pygments_lexer").getAsString());
        assertTrue(content.getAsJsonArray("help_links").size() > 0);
        JsonObject h = reply.header();
        assertEquals("5.3", h.get("version").getAsString());
        assertEquals(k.kernel.sessionId(), h.get("session").getAsString());
        assertTrue(h.get("date").getAsString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"),
                h.get("date").getAsString());
    }

    @Test
    void execute_publishes_busy_input_result_then_idle_and_counts() {
        Message first = c.execute("value 42");
        Message reply = c.receive(c.shell);
        assertEquals("ok", reply.content().get("status").getAsString());
        assertEquals(1, reply.content().get("execution_count").getAsInt());
        List<Message> io = c.iopubUntilIdle(first);
        assertEquals(List.of("status", "execute_input", "execute_result", "status"), WireClient.types(io));
        assertEquals("42", io.get(2).content().getAsJsonObject("data").get("text/plain").getAsString());
        assertEquals(1, io.get(2).content().get("execution_count").getAsInt());
        c.execute("value 43");
        assertEquals(2, c.receive(c.shell).content().get("execution_count").getAsInt());
    }

    @Test
    void silent_cells_send_no_input_or_result_and_do_not_count() {
        JsonObject silent = new JsonObject();
        silent.addProperty("code", "value 1");
        silent.addProperty("silent", true);
        Message request = c.send(c.shell, "execute_request", silent);
        assertEquals(0, c.receive(c.shell).content().get("execution_count").getAsInt());
        assertEquals(List.of("status", "status"), WireClient.types(c.iopubUntilIdle(request)));
        JsonObject noHistory = new JsonObject();
        noHistory.addProperty("code", "value 2");
        noHistory.addProperty("store_history", false);
        Message second = c.send(c.shell, "execute_request", noHistory);
        assertEquals(0, c.receive(c.shell).content().get("execution_count").getAsInt());
        assertTrue(WireClient.types(c.iopubUntilIdle(second)).contains("execute_result"));
        c.execute("value 3");
        assertEquals(1, c.receive(c.shell).content().get("execution_count").getAsInt());
    }

    @Test
    void an_interpreter_that_throws_still_gets_an_error_reply_and_idle() {
        Message request = c.execute("throw");
        Message reply = c.receive(c.shell);
        assertEquals("error", reply.content().get("status").getAsString());
        assertEquals("InternalError", reply.content().get("ename").getAsString());
        List<Message> io = c.iopubUntilIdle(request);
        assertEquals(List.of("status", "execute_input", "error", "status"), WireClient.types(io));
        c.execute("value ok");
        assertEquals("ok", c.receive(c.shell).content().get("status").getAsString());
    }

    @Test
    void cells_queued_behind_a_failing_cell_come_back_aborted() throws Exception {
        c.execute("block");
        assertTrue(k.interpreter.blocked.tryAcquire(10, TimeUnit.SECONDS));
        c.execute("fail");
        Message third = c.execute("value never");
        c.roundTripAfterSends();
        k.interpreter.release.countDown();
        assertEquals("ok", c.receive(c.shell).content().get("status").getAsString());
        assertEquals("error", c.receive(c.shell).content().get("status").getAsString());
        Message aborted = c.receive(c.shell);
        assertEquals(third.id(), aborted.parentHeader().get("msg_id").getAsString());
        assertEquals("aborted", aborted.content().get("status").getAsString());
        assertEquals(List.of("status", "status"), WireClient.types(c.iopubUntilIdle(third)));
        c.execute("value after");
        assertEquals("ok", c.receive(c.shell).content().get("status").getAsString());
    }

    @Test
    void a_cell_sent_after_the_failure_was_reported_is_not_aborted() {
        for (int i = 0; i < 20; i++) {
            c.execute("fail");
            assertEquals("error", c.receive(c.shell).content().get("status").getAsString());
            c.execute("value next");
            assertEquals("ok", c.receive(c.shell).content().get("status").getAsString());
        }
    }

    @Test
    void without_stop_on_error_the_next_cell_runs() throws Exception {
        c.execute("block");
        assertTrue(k.interpreter.blocked.tryAcquire(10, TimeUnit.SECONDS));
        JsonObject failing = new JsonObject();
        failing.addProperty("code", "fail");
        failing.addProperty("stop_on_error", false);
        c.send(c.shell, "execute_request", failing);
        c.execute("value runs");
        c.roundTripAfterSends();
        k.interpreter.release.countDown();
        c.receive(c.shell);
        assertEquals("error", c.receive(c.shell).content().get("status").getAsString());
        assertEquals("ok", c.receive(c.shell).content().get("status").getAsString());
    }

    @Test
    void ten_thousand_lines_arrive_whole_in_order_and_batched() {
        Message request = c.execute("lines 10000");
        c.receive(c.shell);
        List<Message> io = c.iopubUntilIdle(request);
        StringBuilder text = new StringBuilder();
        int streams = 0;
        for (Message m : io) {
            if (m.type().equals("stream")) {
                streams++;
                assertEquals("stdout", m.content().get("name").getAsString());
                text.append(m.content().get("text").getAsString());
            }
        }
        String[] lines = text.toString().split("\n");
        assertEquals(10000, lines.length);
        for (int i = 0; i < lines.length; i++) {
            assertEquals("line " + i, lines[i]);
        }
        assertTrue(streams < 100, streams + " stream messages for 10,000 lines");
        assertEquals("status", io.getLast().type());
    }

    @Test
    void output_printed_after_the_cell_ended_goes_to_that_cell() throws Exception {
        Message first = c.execute("late from-first");
        c.receive(c.shell);
        c.iopubUntilIdle(first);
        Message second = c.execute("value second");
        c.receive(c.shell);
        c.iopubUntilIdle(second);
        k.interpreter.lateGo.countDown();
        assertTrue(k.interpreter.lateDone.await(10, TimeUnit.SECONDS));
        Message stream = c.receive(c.iopub);
        assertEquals("stream", stream.type());
        assertEquals("from-first\n", stream.content().get("text").getAsString());
        assertEquals(first.id(), stream.parentHeader().get("msg_id").getAsString());
    }

    @Test
    void displays_carry_their_display_id_and_updates_replace_them() {
        Message shown = c.execute("display d1");
        c.receive(c.shell);
        Message display = c.iopubUntilIdle(shown).get(2);
        assertEquals("display_data", display.type());
        assertEquals("d1", display.content().getAsJsonObject("transient").get("display_id").getAsString());
        assertEquals("<b>d1</b>", display.content().getAsJsonObject("data").get("text/html").getAsString());
        Message updated = c.execute("update d1");
        c.receive(c.shell);
        assertEquals("update_display_data", c.iopubUntilIdle(updated).get(2).type());
    }
}
