package io.jawait.protocol;

import com.google.gson.JsonObject;
import io.jawait.display.CellOutput;
import io.jawait.display.MimeBundle;
import io.jawait.display.StdinNotAllowedException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One cell's output, published on iopub under that cell's parent header for as long as anyone writes to it.
 *
 * <p>Stream text is batched: it leaves after {@value #FLUSH_MILLIS} ms, when {@value #MAX_BATCH} characters
 * have gathered, before any display, and on {@link #flush}. One message per {@code println} would cost a
 * 10,000-line cell 10,000 messages. Thread safe.
 */
final class KernelCellOutput implements CellOutput {
    static final int FLUSH_MILLIS = 20;
    static final int MAX_BATCH = 64 * 1024;

    private final Object lock = new Object();
    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();
    private final JsonObject parent;
    private final IopubChannel iopub;
    private final ScheduledExecutorService timer;
    private final Input input;
    private boolean flushScheduled;

    /** How a cell asks for input; null when the request did not allow stdin. */
    interface Input {
        String ask(String prompt, boolean password) throws IOException;
    }

    KernelCellOutput(JsonObject parent, IopubChannel iopub, ScheduledExecutorService timer, Input input) {
        this.parent = parent;
        this.iopub = iopub;
        this.timer = timer;
        this.input = input;
    }

    static KernelCellOutput forRequest(Message request, boolean allowStdin, IopubChannel iopub,
                                       ScheduledExecutorService timer, StdinChannel stdin) {
        List<byte[]> ids = request.identities();
        Input in = allowStdin ? (prompt, pw) -> stdin.request(ids, request.header(), prompt, pw) : null;
        return new KernelCellOutput(request.header(), iopub, timer, in);
    }

    @Override
    public void stdout(String text) {
        write(stdout, stderr, text);
    }

    @Override
    public void stderr(String text) {
        write(stderr, stdout, text);
    }

    private void write(StringBuilder target, StringBuilder other, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        synchronized (lock) {
            if (!other.isEmpty()) {
                // keeps the relative order of interleaved stdout and stderr
                sendStreams();
            }
            target.append(text);
            if (target.length() >= MAX_BATCH) {
                sendStreams();
            } else if (!flushScheduled) {
                flushScheduled = true;
                schedule();
            }
        }
    }

    private void schedule() {
        try {
            timer.schedule(this::flush, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            sendStreams();
        }
    }

    @Override
    public void display(MimeBundle bundle, String displayId, boolean update) {
        JsonObject c = new JsonObject();
        c.add("data", Json.tree(bundle.data()));
        c.add("metadata", Json.tree(bundle.metadata()));
        JsonObject transient_ = new JsonObject();
        if (displayId != null) {
            transient_.addProperty("display_id", displayId);
        }
        c.add("transient", transient_);
        synchronized (lock) {
            sendStreams();
            iopub.publish(parent, update && displayId != null ? "update_display_data" : "display_data", c);
        }
    }

    @Override
    public void clearOutput(boolean wait) {
        JsonObject c = new JsonObject();
        c.addProperty("wait", wait);
        synchronized (lock) {
            sendStreams();
            iopub.publish(parent, "clear_output", c);
        }
    }

    @Override
    public String input(String prompt, boolean password) throws IOException {
        if (input == null) {
            throw new StdinNotAllowedException();
        }
        flush();
        return input.ask(prompt == null ? "" : prompt, password);
    }

    @Override
    public void flush() {
        synchronized (lock) {
            sendStreams();
        }
    }

    private void sendStreams() {
        flushScheduled = false;
        send("stdout", stdout);
        send("stderr", stderr);
    }

    private void send(String name, StringBuilder text) {
        if (text.isEmpty()) {
            return;
        }
        JsonObject c = new JsonObject();
        c.addProperty("name", name);
        c.addProperty("text", text.toString());
        text.setLength(0);
        iopub.publish(parent, "stream", c);
    }
}
