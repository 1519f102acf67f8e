package io.jawait.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotebookRunnerTest {
    private final FakeInterpreter fake = new FakeInterpreter();
    private final NotebookRunner runner = new NotebookRunner(() -> fake, Duration.ofSeconds(30));

    static JsonObject notebook(String... cells) {
        JsonArray a = new JsonArray();
        for (String c : cells) {
            JsonObject cell = new JsonObject();
            boolean markdown = c.startsWith("# ");
            boolean raises = c.startsWith("!");
            cell.addProperty("cell_type", markdown ? "markdown" : "code");
            JsonObject meta = new JsonObject();
            if (raises) {
                JsonArray tags = new JsonArray();
                tags.add(NotebookRunner.RAISES);
                meta.add("tags", tags);
            }
            cell.add("metadata", meta);
            JsonArray source = new JsonArray();
            for (String line : (raises ? c.substring(1) : c).split("(?<=\n)")) {
                source.add(line);
            }
            cell.add("source", source);
            if (!markdown) {
                cell.add("outputs", JsonParser.parseString("[{\"output_type\":\"stream\",\"name\":\"stdout\",\"text\":\"old\"}]"));
                cell.add("execution_count", null);
            }
            a.add(cell);
        }
        JsonObject nb = new JsonObject();
        nb.add("cells", a);
        nb.add("metadata", new JsonObject());
        nb.addProperty("nbformat", 4);
        nb.addProperty("nbformat_minor", 5);
        return nb;
    }

    private static JsonObject cell(NotebookRunner.Result r, int i) {
        return r.notebook().getAsJsonArray("cells").get(i).getAsJsonObject();
    }

    @Test
    void code_cells_run_in_order_with_outputs_in_nbformat_and_counts() {
        NotebookRunner.Result r = runner.run(notebook("print a\n", "# Title", "value 42", "print b\nprint c"));
        assertEquals(List.of("print a", "value 42", "print b\nprint c"), fake.ran);
        assertEquals(3, r.codeCells());
        assertTrue(r.failures().isEmpty());
        assertEquals("[{\"output_type\":\"stream\",\"name\":\"stdout\",\"text\":\"a\\n\"}]",
                cell(r, 0).get("outputs").toString());
        assertEquals(1, cell(r, 0).get("execution_count").getAsInt());
        JsonObject result = cell(r, 2).getAsJsonArray("outputs").get(0).getAsJsonObject();
        assertEquals("execute_result", result.get("output_type").getAsString());
        assertEquals("42", result.getAsJsonObject("data").get("text/plain").getAsString());
        assertEquals(2, result.get("execution_count").getAsInt());
        assertTrue(fake.shutDown);
    }

    @Test
    void the_first_untagged_failure_stops_the_run_and_later_cells_are_left_empty() {
        NotebookRunner.Result r = runner.run(notebook("print a", "fail", "print never"));
        assertEquals(List.of("print a", "fail"), fake.ran);
        assertEquals(1, r.failures().size());
        assertEquals(1, r.failures().getFirst().cell());
        JsonObject error = cell(r, 1).getAsJsonArray("outputs").get(0).getAsJsonObject();
        assertEquals("error", error.get("output_type").getAsString());
        assertEquals("Boom", error.get("ename").getAsString());
        assertEquals(0, cell(r, 2).getAsJsonArray("outputs").size());
        assertTrue(cell(r, 2).get("execution_count").isJsonNull());
    }

    @Test
    void a_cell_tagged_raises_exception_may_fail() {
        NotebookRunner.Result r = runner.run(notebook("!fail", "print after"));
        assertTrue(r.failures().isEmpty());
        assertEquals(List.of("fail", "print after"), fake.ran);
    }

    @Test
    void displays_are_updated_in_place_and_input_fails_clearly() {
        NotebookRunner.Result r = runner.run(notebook("display d1 first", "update d1 second", "!input"));
        JsonObject shown = cell(r, 0).getAsJsonArray("outputs").get(0).getAsJsonObject();
        assertEquals("display_data", shown.get("output_type").getAsString());
        assertEquals("second", shown.getAsJsonObject("data").get("text/plain").getAsString());
        assertEquals(0, cell(r, 1).getAsJsonArray("outputs").size());
        JsonObject error = cell(r, 2).getAsJsonArray("outputs").get(0).getAsJsonObject();
        assertEquals("StdinNotAllowedException", error.get("ename").getAsString());
    }

    @Test
    void a_cell_running_past_the_timeout_is_interrupted() {
        NotebookRunner quick = new NotebookRunner(() -> fake, Duration.ofMillis(200));
        NotebookRunner.Result r = quick.run(notebook("spin"));
        assertEquals("Interrupted", r.failures().getFirst().ename());
    }

    @Test
    void json_that_is_not_a_notebook_is_refused_with_a_reason() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> runner.run(JsonParser.parseString("{\"cells\": []}").getAsJsonObject()));
        assertTrue(e.getMessage().contains("nbformat 4"));
    }
}
