package io.jawait.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final RunCommand command = new RunCommand(FakeInterpreter::new,
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    private Path write(String name, String... cells) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, NotebookRunnerTest.notebook(cells).toString());
        return p;
    }

    private int run(Object... args) {
        List<String> a = new ArrayList<>();
        for (Object o : args) {
            a.add(o.toString());
        }
        return command.run(a);
    }

    @Test
    void executed_copies_go_to_the_out_directory_with_a_table_and_status_0() throws Exception {
        Path nb = write("good.ipynb", "print hi", "value 1");
        Path outDir = dir.resolve("executed");
        assertEquals(0, run("--out", outDir, nb));
        var executed = JsonParser.parseString(Files.readString(outDir.resolve("good.ipynb"))).getAsJsonObject();
        assertEquals(2, executed.getAsJsonArray("cells").get(1).getAsJsonObject().get("execution_count").getAsInt());
        String table = out.toString(StandardCharsets.UTF_8);
        assertTrue(table.lines().findFirst().orElseThrow().matches("notebook\\s+cells\\s+seconds\\s+errors"), table);
        assertTrue(table.lines().anyMatch(l -> l.matches("good\\.ipynb\\s+2\\s+\\d+\\.\\d\\d\\s+0")), table);
        assertTrue(Files.readString(nb).contains("old"), "the original is left as it was");
    }

    @Test
    void a_failing_cell_makes_the_status_non_zero_and_names_the_cell() throws Exception {
        Path bad = write("bad.ipynb", "print a", "fail");
        Path good = write("good.ipynb", "print a");
        assertEquals(1, run("--in-place", bad, good));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("bad.ipynb: cell 2 failed: Boom"));
        assertTrue(Files.readString(good).contains("\"a\\n\""), "written in place");
    }

    @Test
    void bad_arguments_and_unreadable_notebooks_are_reported_not_thrown() throws Exception {
        assertEquals(2, run());
        assertEquals(2, run("--out"));
        assertEquals(2, run("--bogus", "x.ipynb"));
        assertEquals(2, run("--in-place", "--out", dir, "x.ipynb"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: run"));
        Path broken = dir.resolve("broken.ipynb");
        Files.writeString(broken, "{not json");
        assertEquals(1, run("--out", dir.resolve("o"), broken, dir.resolve("missing.ipynb")));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing.ipynb"));
    }
}
