package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A first expression cell answers before JShell has evaluated the start-up imports; anything else waits for them. */
class StartupDeferralTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private FastShell engine;
    private JShell shell;
    private CellSplitter splitter;
    private FastExpressions fast;
    private StartupGate gate;
    private CellEvaluator evaluator;

    @BeforeEach
    void createShell() {
        engine = new FastShell();
        shell = engine.shell;
        splitter = new CellSplitter(shell.sourceCodeAnalysis());
        fast = engine.fast;
        gate = engine.gate;
        evaluator = engine.evaluator;
    }

    @AfterEach
    void closeShell() {
        engine.close();
    }

    @Test
    void an_expression_first_cell_uses_the_start_up_imports_before_jshell_has_them() throws Exception {
        Startup.run(shell, splitter, QUIET, () -> true, fast, gate);
        assertTrue(gate.pending(), "JShell's evaluation of the imports waits");
        assertEquals(0, shell.snippets().count(), "JShell has evaluated nothing yet");
        assertEquals("\"PT2S\"", evaluator.run("Duration.ofSeconds(2).toString()", 1, () -> false).text());
        assertEquals("3", evaluator.run("List.of(1, 2, 3).size()", 2, () -> false).text());
        assertEquals(0, shell.snippets().count(), "the expressions did not need JShell's snippets");

        assertEquals(null, evaluator.run("int x = 3;", 3, () -> false).text());
        assertFalse(gate.pending(), "a declaration needs JShell, which evaluates the imports first");
        assertTrue(shell.imports().anyMatch(i -> i.source().startsWith(Startup.KEY) && shell.status(i) == Snippet.Status.VALID));
        assertEquals("4", evaluator.run("x + List.of(1).size()", 4, () -> false).text());
    }

    @Test
    void an_expression_that_does_not_compile_is_reported_by_jshell_with_the_imports_in_place() throws Exception {
        Startup.run(shell, splitter, QUIET, () -> true, fast, gate);
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.jawait.magic.CellException.class,
                () -> evaluator.run("Duration.ofSeconds(\"two\")", 1, () -> false));
        assertEquals("CompilationError", e.ename());
        assertFalse(gate.pending());
        assertTrue(e.traceback().getFirst().contains("String cannot be converted to long"), e.traceback().getFirst());
    }
}
