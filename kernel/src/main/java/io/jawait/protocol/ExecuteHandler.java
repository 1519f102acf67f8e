package io.jawait.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jawait.display.MimeBundle;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * {@code execute_request}: execute_input, the cell's outputs, its result or error, then the reply. The
 * caller publishes busy before and idle after; this class owns the execution count and the history.
 */
final class ExecuteHandler {
    private static final Duration FLUSH_WAIT = Duration.ofSeconds(5);
    private final Interpreter interpreter;
    private final IopubChannel iopub;
    private final StdinChannel stdin;
    private final ScheduledExecutorService timer;
    private final History history;
    private int executionCount;

    ExecuteHandler(Interpreter interpreter, IopubChannel iopub, StdinChannel stdin, ScheduledExecutorService timer,
                   History history) {
        this.interpreter = interpreter;
        this.iopub = iopub;
        this.stdin = stdin;
        this.timer = timer;
        this.history = history;
    }

    /** Runs the cell and replies; true when it failed and asked that queued cells be aborted. */
    boolean handle(Message request, Consumer<JsonObject> reply, Runnable holdQueued) {
        JsonObject c = request.content();
        String code = Json.string(c, "code", "");
        boolean silent = Json.bool(c, "silent", false);
        // as in IPython, a cell of nothing but white space is neither counted nor kept in the history
        boolean store = !silent && Json.bool(c, "store_history", true) && !code.isBlank();
        boolean allowStdin = Json.bool(c, "allow_stdin", true);
        boolean stopOnError = Json.bool(c, "stop_on_error", true);
        Map<String, String> expressions = userExpressions(c);
        if (store) {
            executionCount++;
        }
        int n = executionCount;
        // ipykernel's execute_input and execute_result of a cell it does not count carry the number the next
        // counted cell will take, and the reply the last one taken; a front end numbers the cell either way
        int shown = store ? n : n + 1;
        if (!silent) {
            publishInput(request, code, shown);
        }
        KernelCellOutput out = KernelCellOutput.forRequest(request, allowStdin, iopub, timer, stdin);
        ExecuteOutcome outcome = run(new ExecuteRequest(code, silent, store, allowStdin, expressions, shown), out);
        out.flush();
        JsonObject content = publishOutcome(request, outcome, silent, shown, n);
        if (store) {
            history.add(n, code, outcome instanceof ExecuteOutcome.Ok ok && ok.result() != null
                    ? String.valueOf(ok.result().data().get("text/plain")) : null);
        }
        // as in ipykernel, only a cell the user sees failing aborts the queue: a silent one (a frontend's own probe) does not
        boolean abortQueued = outcome instanceof ExecuteOutcome.Error && stopOnError && !silent;
        if (abortQueued) {
            holdQueued.run();
        }
        // the reply travels on shell, the outputs on iopub: a client reading the reply must find them sent
        iopub.awaitSent(FLUSH_WAIT);
        reply.accept(content);
        return abortQueued;
    }

    private void publishInput(Message request, String code, int n) {
        JsonObject input = new JsonObject();
        input.addProperty("code", code);
        input.addProperty("execution_count", n);
        iopub.publish(request.header(), "execute_input", input);
    }

    private ExecuteOutcome run(ExecuteRequest request, KernelCellOutput out) {
        try {
            ExecuteOutcome outcome = interpreter.execute(request, out);
            return outcome != null ? outcome : new ExecuteOutcome.Ok(null, Map.of());
        } catch (Throwable t) {
            // the engine should never throw; if it does, the cell fails and the kernel carries on
            KernelLog.warn("the interpreter threw: " + t);
            return new ExecuteOutcome.Error("InternalError", String.valueOf(t),
                    List.of("InternalError: the kernel failed to run this cell: " + t));
        }
    }

    private JsonObject publishOutcome(Message request, ExecuteOutcome outcome, boolean silent, int shown, int n) {
        return switch (outcome) {
            case ExecuteOutcome.Ok ok -> {
                if (ok.result() != null && !silent) {
                    JsonObject result = Replies.bundle(ok.result());
                    result.addProperty("execution_count", shown);
                    iopub.publish(request.header(), "execute_result", result);
                }
                JsonObject reply = Replies.ok();
                reply.addProperty("execution_count", n);
                reply.add("user_expressions", userExpressionResults(ok.userExpressions()));
                JsonArray payload = new JsonArray();
                ok.payloads().forEach(p -> payload.add(payloadJson(p)));
                reply.add("payload", payload);
                yield reply;
            }
            case ExecuteOutcome.Error err -> {
                JsonObject error = Replies.error(err.ename(), err.evalue(), err.traceback());
                error.remove("status");
                iopub.publish(request.header(), "error", error);
                JsonObject reply = Replies.error(err.ename(), err.evalue(), err.traceback());
                reply.addProperty("execution_count", n);
                yield reply;
            }
        };
    }

    private static JsonObject payloadJson(ExecuteOutcome.Payload p) {
        JsonObject json = new JsonObject();
        switch (p) {
            case ExecuteOutcome.Payload.Page page -> {
                json.addProperty("source", "page");
                json.add("data", Replies.bundle(page.data()).get("data"));
                json.addProperty("start", 0);
            }
            case ExecuteOutcome.Payload.AskExit exit -> {
                // as ipykernel answers exit: jupyter console leaves and shuts the kernel down; a notebook
                // ignores the payload and the kernel carries on
                json.addProperty("source", "ask_exit");
                json.addProperty("keepkernel", false);
            }
            case ExecuteOutcome.Payload.NextInput next -> {
                json.addProperty("source", "set_next_input");
                json.addProperty("text", next.text());
                json.addProperty("replace", next.replace());
            }
        }
        return json;
    }

    /** The reply to an execute_request skipped because an earlier cell failed. */
    static JsonObject aborted() {
        JsonObject c = new JsonObject();
        c.addProperty("status", "aborted");
        return c;
    }

    private static Map<String, String> userExpressions(JsonObject c) {
        Map<String, String> result = new LinkedHashMap<>();
        JsonElement e = c.get("user_expressions");
        if (e != null && e.isJsonObject()) {
            for (var entry : e.getAsJsonObject().entrySet()) {
                if (entry.getValue().isJsonPrimitive()) {
                    result.put(entry.getKey(), entry.getValue().getAsString());
                }
            }
        }
        return result;
    }

    /** Each expression's value as a display bundle with status ok, or its error as ipykernel reports one. */
    private static JsonObject userExpressionResults(Map<String, ExecuteOutcome> values) {
        JsonObject o = new JsonObject();
        if (values != null) {
            values.forEach((name, outcome) -> {
                JsonObject v;
                if (outcome instanceof ExecuteOutcome.Error e) {
                    v = new JsonObject();
                    v.addProperty("status", "error");
                    v.addProperty("ename", e.ename());
                    v.addProperty("evalue", e.evalue());
                    JsonArray tb = new JsonArray();
                    e.traceback().forEach(tb::add);
                    v.add("traceback", tb);
                } else {
                    MimeBundle value = ((ExecuteOutcome.Ok) outcome).result();
                    v = Replies.bundle(value != null ? value : MimeBundle.of("text/plain", ""));
                    v.addProperty("status", "ok");
                }
                o.add(name, v);
            });
        }
        return o;
    }
}
