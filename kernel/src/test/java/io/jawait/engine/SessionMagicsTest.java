package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.protocol.ExecuteOutcome;
import io.jawait.protocol.ExecuteRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code %history}, {@code %xdel} and {@code %reset} through the real engine, as the kernel wires them. */
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

    @Test
    void xdel_forgets_a_variable_lets_go_of_its_value_and_does_not_close_it() throws Exception {
        execSuccess("var xdelClosed = new java.util.concurrent.atomic.AtomicBoolean();\n"
                + "AutoCloseable xdelRes = new AutoCloseable() { public void close() { xdelClosed.set(true); } };\n"
                + "java.lang.ref.WeakReference<Object> xdelRef = new java.lang.ref.WeakReference<>(xdelRes);\n"
                + "int xdelUse() { return xdelRes.hashCode(); }");
        var out = new RecordingOutput(false);
        assertEquals("", printed("%xdel xdelRes", out), "IPython's %xdel prints nothing");
        assertEquals("note: method xdelUse() cannot be used until variable xdelRes is declared\n", out.stderr());
        var gone = execError("xdelRes");
        assertEquals("CompilationError", gone.ename());
        assertTrue(gone.evalue().contains("cannot find symbol"), gone.evalue());
        assertTrue(traceback(execError("xdelUse()")).contains("xdelRes"), "a method using it waits for it");
        assertEquals("false", execSuccess("xdelClosed.get()"), "the value was not closed");
        assertEquals("true", execSuccess("for (int i = 0; i < 50 && xdelRef.get() != null; i++) {\n"
                + "    System.gc();\n    Thread.sleep(20);\n}\nxdelRef.get() == null"), "the value can be collected");
        var missing = execError("%xdel xdelRes");
        assertEquals("NameError", missing.ename());
        assertTrue(missing.evalue().startsWith("%xdel: no variable named 'xdelRes'"), missing.evalue());
        assertEquals("UsageError", execError("%xdel").ename());
        assertEquals("UsageError", execError("%xdel a b").ename());
    }

    @Test
    void xdel_names_a_var_that_jshell_cannot_keep_without_the_variable_its_initializer_used() {
        execSuccess("int xdelBase = 2;\nvar xdelDerived = xdelBase * 2;\nint xdelTyped = xdelBase * 3;");
        var out = new RecordingOutput(false);
        printed("%xdel xdelBase", out);
        assertEquals("note: variable xdelDerived cannot be used until variable xdelBase is declared\n", out.stderr());
        assertEquals("6", execSuccess("xdelTyped"), "a variable of a declared type keeps its value");
    }

    @Test
    void reset_after_a_yes_deletes_every_name_the_cells_declared_and_keeps_the_startup_imports() {
        execSuccess("int resetVar = 1;\nint resetMethod() { return 2; }\nclass ResetType {}\n"
                + "import java.util.regex.*;\nPattern resetPattern = Pattern.compile(\"x\");");
        // an answer that is neither yes nor no is asked again, as in IPython
        var asked = new RecordingOutput(true, "maybe", "Y");
        assertEquals("", printed("%reset", asked));
        String prompt = "Once deleted, variables cannot be recovered. Proceed (y/[n])? ";
        assertEquals(java.util.List.of(prompt, prompt), asked.prompts());
        for (String gone : new String[] {"resetVar", "resetMethod()", "new ResetType()", "resetPattern",
                "Pattern.compile(\"y\")"}) {
            assertEquals("CompilationError", execError(gone).ename(), gone);
        }
        assertEquals("2", execSuccess("List<Integer> after = new ArrayList<>(List.of(1, 2));\n"
                + "run(async(() -> { sleep(0.01); return after.size(); }))"));
        assertEquals("", printed("%reset -f"));
        assertEquals("CompilationError", execError("after").ename());
        // JShell 25 documents nothing after a class is dropped unless the kernel forgets its name (ClassKeys)
        assertTrue(interpreter.inspect("Math.sqrt", 9, 0).found(), "nothing found for Math.sqrt after %reset");
    }

    @Test
    void reset_does_nothing_when_the_answer_is_no_or_empty() {
        execSuccess("int keptByNo = 5;");
        assertEquals("Nothing done.\n", printed("%reset", new RecordingOutput(true, "n")));
        assertEquals("Nothing done.\n", printed("%reset", new RecordingOutput(true, "")));
        assertEquals("5", execSuccess("keptByNo"));
    }

    @Test
    void reset_that_cannot_ask_fails_saying_to_use_f_and_deletes_nothing() {
        execSuccess("int keptUnasked = 6;");
        var refused = assertInstanceOf(ExecuteOutcome.Error.class, exec("%reset", new RecordingOutput(false)));
        assertEquals("UsageError", refused.ename());
        assertTrue(refused.evalue().startsWith("%reset: ") && refused.evalue().contains("%reset -f"),
                refused.evalue());
        assertEquals("6", execSuccess("keptUnasked"));
        assertTrue(execError("%reset -s").evalue().contains("not supported"));
        assertTrue(execError("%reset -f in").evalue().contains("'in'"));
    }
}
