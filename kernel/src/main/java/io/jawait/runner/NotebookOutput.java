package io.jawait.runner;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.jawait.display.CellOutput;
import io.jawait.display.MimeBundle;
import io.jawait.display.StdinNotAllowedException;
import io.jawait.protocol.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One cell's outputs in nbformat 4 JSON, as Jupyter would have saved them. Consecutive text on one stream
 * merges into one output; an update replaces the display with the same id, in any cell of the notebook.
 * Thread safe: a thread the cell started may still write after the cell has ended.
 */
final class NotebookOutput implements CellOutput {
    private final Object lock;
    private final List<JsonObject> outputs = new ArrayList<>();
    private final Map<String, List<JsonObject>> displays;
    private boolean clearOnNext;

    /** {@code lock} and {@code displays} are shared by every cell of one notebook. */
    NotebookOutput(Object lock, Map<String, List<JsonObject>> displays) {
        this.lock = lock;
        this.displays = displays;
    }

    @Override
    public void stdout(String text) {
        stream("stdout", text);
    }

    @Override
    public void stderr(String text) {
        stream("stderr", text);
    }

    private void stream(String name, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        synchronized (lock) {
            clearIfWaiting();
            JsonObject last = outputs.isEmpty() ? null : outputs.getLast();
            if (last != null && "stream".equals(last.get("output_type").getAsString())
                    && name.equals(last.get("name").getAsString())) {
                last.addProperty("text", last.get("text").getAsString() + text);
                return;
            }
            JsonObject o = output("stream");
            o.addProperty("name", name);
            o.addProperty("text", text);
            outputs.add(o);
        }
    }

    @Override
    public void display(MimeBundle bundle, String displayId, boolean update) {
        synchronized (lock) {
            if (update && displayId != null) {
                for (JsonObject shown : displays.getOrDefault(displayId, List.of())) {
                    shown.add("data", Json.object(bundle.data()));
                    shown.add("metadata", Json.object(bundle.metadata()));
                }
                return;
            }
            clearIfWaiting();
            JsonObject o = withBundle(output("display_data"), bundle);
            outputs.add(o);
            if (displayId != null) {
                displays.computeIfAbsent(displayId, id -> new ArrayList<>()).add(o);
            }
        }
    }

    @Override
    public void clearOutput(boolean wait) {
        synchronized (lock) {
            if (wait) {
                clearOnNext = true;
            } else {
                outputs.clear();
            }
        }
    }

    @Override
    public String input(String prompt, boolean password) throws StdinNotAllowedException {
        throw new StdinNotAllowedException();
    }

    @Override
    public void flush() {
        // nothing is batched: the outputs are read when the notebook is written
    }

    void result(MimeBundle bundle, int executionCount) {
        synchronized (lock) {
            clearIfWaiting();
            JsonObject o = withBundle(output("execute_result"), bundle);
            o.addProperty("execution_count", executionCount);
            outputs.add(o);
        }
    }

    void error(String ename, String evalue, List<String> traceback) {
        synchronized (lock) {
            clearIfWaiting();
            JsonObject o = output("error");
            o.addProperty("ename", ename);
            o.addProperty("evalue", evalue);
            o.add("traceback", Json.strings(traceback));
            outputs.add(o);
        }
    }

    /** The outputs as they stand now. */
    JsonArray toJson() {
        synchronized (lock) {
            JsonArray a = new JsonArray();
            outputs.forEach(o -> a.add(o.deepCopy()));
            return a;
        }
    }

    private void clearIfWaiting() {
        if (clearOnNext) {
            clearOnNext = false;
            outputs.clear();
        }
    }

    private static JsonObject output(String type) {
        JsonObject o = new JsonObject();
        o.addProperty("output_type", type);
        return o;
    }

    private static JsonObject withBundle(JsonObject o, MimeBundle bundle) {
        o.add("data", Json.object(bundle.data()));
        o.add("metadata", Json.object(bundle.metadata()));
        return o;
    }
}
