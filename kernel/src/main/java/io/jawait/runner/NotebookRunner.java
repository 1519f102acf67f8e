package io.jawait.runner;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.jawait.protocol.ExecuteOutcome;
import io.jawait.protocol.ExecuteRequest;
import io.jawait.protocol.Interpreter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Executes the code cells of an nbformat 4 notebook in order through a fresh {@link Interpreter}, with no
 * Jupyter in between, and fills in their outputs and execution counts.
 *
 * <p>As nbclient does, execution stops at the first cell that fails, unless the cell is tagged
 * {@code raises-exception}; the cells after it are left without outputs. A cell that runs longer than the
 * timeout is interrupted.
 */
public final class NotebookRunner {
    static final String RAISES = "raises-exception";

    /** A cell that failed although it was not tagged to: its index among all cells and its error. */
    public record Failure(int cell, String ename, String evalue) {}

    /** The executed notebook and what happened. */
    public record Result(JsonObject notebook, int codeCells, double seconds, List<Failure> failures) {}

    private final Supplier<Interpreter> interpreters;
    private final Duration cellTimeout;

    public NotebookRunner(Supplier<Interpreter> interpreters, Duration cellTimeout) {
        this.interpreters = interpreters;
        this.cellTimeout = cellTimeout;
    }

    /**
     * Runs a notebook; the argument is left as it was.
     *
     * @throws IllegalArgumentException when the JSON is not an nbformat 4 notebook
     */
    public Result run(JsonObject notebook) {
        JsonObject copy = notebook.deepCopy();
        List<JsonObject> cells = cells(copy);
        long start = System.nanoTime();
        Interpreter interpreter = interpreters.get();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("jawait-runner-watchdog").factory());
        try {
            Pass pass = new Pass(interpreter, watchdog);
            for (int i = 0; i < cells.size(); i++) {
                pass.cell(i, cells.get(i));
            }
            // outputs are read last, so text a cell's threads print later in the run still lands in that cell
            pass.outputs.forEach((cell, out) -> cell.add("outputs", out.toJson()));
            return new Result(copy, pass.codeCells, (System.nanoTime() - start) / 1e9, pass.failures);
        } finally {
            watchdog.shutdownNow();
            interpreter.shutdown();
        }
    }

    /** One run through a notebook's cells. */
    private final class Pass {
        final Map<JsonObject, NotebookOutput> outputs = new HashMap<>();
        final Map<String, List<JsonObject>> displays = new HashMap<>();
        final List<Failure> failures = new ArrayList<>();
        final Object lock = new Object();
        final Interpreter interpreter;
        final ScheduledExecutorService watchdog;
        int codeCells;
        int executed;
        boolean stopped;

        Pass(Interpreter interpreter, ScheduledExecutorService watchdog) {
            this.interpreter = interpreter;
            this.watchdog = watchdog;
        }

        void cell(int index, JsonObject cell) {
            if (!isCode(cell)) {
                return;
            }
            codeCells++;
            cell.add("execution_count", JsonNull.INSTANCE);
            cell.add("outputs", new JsonArray());
            String source = source(cell);
            if (stopped || source.isBlank()) {
                return;
            }
            NotebookOutput out = new NotebookOutput(lock, displays);
            outputs.put(cell, out);
            executed++;
            cell.addProperty("execution_count", executed);
            Failure f = execute(interpreter, watchdog, source, executed, out, index);
            if (f != null && !tags(cell).contains(RAISES)) {
                failures.add(f);
                stopped = true;
            }
        }
    }

    private Failure execute(Interpreter interpreter, ScheduledExecutorService watchdog, String source, int count,
                            NotebookOutput out, int index) {
        ScheduledFuture<?> timeout = watchdog.schedule(interpreter::interrupt, cellTimeout.toMillis(),
                TimeUnit.MILLISECONDS);
        ExecuteOutcome outcome;
        try {
            outcome = interpreter.execute(new ExecuteRequest(source, false, true, false, Map.of(), count), out);
        } catch (RuntimeException | Error e) {
            outcome = new ExecuteOutcome.Error("InternalError", String.valueOf(e), List.of(e.toString()));
        } finally {
            timeout.cancel(false);
        }
        out.flush();
        return switch (outcome) {
            case ExecuteOutcome.Ok ok -> {
                if (ok.result() != null) {
                    out.result(ok.result(), count);
                }
                yield null;
            }
            case ExecuteOutcome.Error err -> {
                out.error(err.ename(), err.evalue(), err.traceback());
                yield new Failure(index, err.ename(), err.evalue());
            }
            case null -> null;
        };
    }

    private static List<JsonObject> cells(JsonObject notebook) {
        JsonElement nbformat = notebook.get("nbformat");
        JsonElement cells = notebook.get("cells");
        if (nbformat == null || !nbformat.isJsonPrimitive() || nbformat.getAsInt() != 4
                || cells == null || !cells.isJsonArray()) {
            throw new IllegalArgumentException("not an nbformat 4 notebook (needs \"nbformat\": 4 and \"cells\")");
        }
        List<JsonObject> result = new ArrayList<>();
        for (JsonElement c : cells.getAsJsonArray()) {
            if (!c.isJsonObject()) {
                throw new IllegalArgumentException("a cell is not a JSON object: " + c);
            }
            result.add(c.getAsJsonObject());
        }
        return result;
    }

    private static boolean isCode(JsonObject cell) {
        JsonElement type = cell.get("cell_type");
        return type != null && type.isJsonPrimitive() && type.getAsString().equals("code");
    }

    /** nbformat stores source as one string or as a list of lines that keep their newlines. */
    static String source(JsonObject cell) {
        JsonElement s = cell.get("source");
        if (s == null || s.isJsonNull()) {
            return "";
        }
        if (s.isJsonArray()) {
            StringBuilder b = new StringBuilder();
            s.getAsJsonArray().forEach(line -> b.append(line.getAsString()));
            return b.toString();
        }
        return s.getAsString();
    }

    private static List<String> tags(JsonObject cell) {
        JsonElement meta = cell.get("metadata");
        if (meta == null || !meta.isJsonObject() || !meta.getAsJsonObject().has("tags")) {
            return List.of();
        }
        JsonElement tags = meta.getAsJsonObject().get("tags");
        List<String> result = new ArrayList<>();
        if (tags.isJsonArray()) {
            tags.getAsJsonArray().forEach(t -> result.add(t.getAsString()));
        }
        return result;
    }
}
