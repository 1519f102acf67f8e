package io.jawait.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.jawait.display.MimeBundle;
import io.jawait.display.StdinNotAllowedException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KernelCellOutputTest {
    private final IopubChannel iopub = new IopubChannel(null, new WireCodec(new Signer("", "")), new Session("t"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final JsonObject parent = new Session("client").header("execute_request");
    private final KernelCellOutput out = new KernelCellOutput(parent, iopub, timer, null);

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void many_writes_leave_as_one_stream_message_on_flush() {
        for (int i = 0; i < 1000; i++) {
            out.stdout("x");
        }
        out.flush();
        List<Message> sent = iopub.drainQueued();
        assertEquals(1, sent.size());
        assertEquals("x".repeat(1000), sent.getFirst().content().get("text").getAsString());
        assertEquals(parent.get("msg_id"), sent.getFirst().parentHeader().get("msg_id"));
    }

    @Test
    void the_timer_flushes_text_nobody_flushed() throws Exception {
        out.stderr("late\n");
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<Message> sent = List.of();
        while (sent.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            sent = iopub.drainQueued();
        }
        assertEquals("stderr", sent.getFirst().content().get("name").getAsString());
    }

    @Test
    void a_large_batch_leaves_before_the_timer() {
        out.stdout("y".repeat(KernelCellOutput.MAX_BATCH));
        assertEquals(1, iopub.drainQueued().size());
    }

    @Test
    void interleaved_streams_and_displays_keep_their_order() {
        out.stdout("a");
        out.stderr("b");
        out.display(MimeBundle.of("text/plain", "d"), "id-1", false);
        out.stdout("c");
        out.clearOutput(true);
        List<String> order = iopub.drainQueued().stream()
                .map(m -> m.type() + ":" + (m.content().has("name") ? m.content().get("text").getAsString() : ""))
                .toList();
        assertEquals(List.of("stream:a", "stream:b", "display_data:", "stream:c", "clear_output:"), order);
    }

    @Test
    void an_update_names_its_display_id_in_transient() {
        out.display(MimeBundle.of("text/plain", "v2"), "bar", true);
        Message m = iopub.drainQueued().getFirst();
        assertEquals("update_display_data", m.type());
        assertEquals("bar", m.content().getAsJsonObject("transient").get("display_id").getAsString());
    }

    @Test
    void input_without_stdin_allowed_fails_at_once() {
        assertThrows(StdinNotAllowedException.class, () -> out.input("name?", false));
        assertTrue(iopub.drainQueued().isEmpty());
    }
}
