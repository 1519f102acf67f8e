package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jawait.protocol.ExecuteOutcome;
import io.jawait.protocol.ExecuteRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code %history} through the real engine, as the kernel wires it. */
class SessionMagicsTest extends MagicsTestKit {
    @TempDir
    Path tmp;

    /** Runs a cell that must succeed; returns what it printed. */
    String printed(String code, RecordingOutput out) {
        ExecuteOutcome outcome = exec(code, out);
        if (outcome instanceof ExecuteOutcome.Error e) {
            throw new AssertionError(e.ename() + ": " + e.evalue() + "\n" + traceback(e));
        }
        return out.stdout();
    }

    String printed(String code) {
        return printed(code, new RecordingOutput(false));
    }

    @Test
    void history_numbers_the_cells_as_the_kernel_counted_them_and_shows_itself() {
        int first = count + 1;
        execSuccess("int histA = 1;");
        execSuccess("String histB = \"b\";\nhistA + 1");
        // a cell run without store_history is not counted and not kept, as in IPython
        interpreter.execute(new ExecuteRequest("int histSilent = 3;", true, false, false, Map.of(), count + 1),
                new RecordingOutput(false));
        String asked = "%history -n " + first + "-";
        assertEquals(String.format("%4d: int histA = 1;\n%4d:\nString histB = \"b\";\nhistA + 1\n%4d: %s\n",
                first, first + 1, first + 2, asked), printed(asked));
        assertEquals("int histA = 1;\n", printed("%history " + first));
    }

    @Test
    void history_f_asks_before_it_replaces_a_file_and_replaces_it_when_nobody_can_answer() throws Exception {
        Path file = Files.writeString(tmp.resolve("kept.txt"), "before\n");
        execSuccess("int histFile = 1;");
        int n = count;
        assertEquals("Aborting.\n", printed("%history -f " + file + " " + n, new RecordingOutput(true, "n")));
        assertEquals("before\n", Files.readString(file));
        assertEquals("Overwriting file.\n", printed("%history -f " + file + " " + n, new RecordingOutput(true, "y")));
        assertEquals("int histFile = 1;\n", Files.readString(file));
        Files.writeString(file, "again\n");
        assertEquals("Overwriting file.\n", printed("%history -f " + file + " " + n, new RecordingOutput(false)));
        assertEquals("int histFile = 1;\n", Files.readString(file));
    }
}
