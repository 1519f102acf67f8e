package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StartupTest {
    private static JShell shell;
    private static CellSplitter splitter;
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @BeforeAll
    static void createShell() {
        shell = JShell.builder().executionEngine("local").build();
        shell.addToClasspath(KernelClassPath.location());
        splitter = new CellSplitter(shell.sourceCodeAnalysis());
    }

    @AfterAll
    static void closeShell() {
        shell.close();
    }

    @Test
    void a_waiting_cell_stops_the_warm_up_but_never_the_imports_and_warm_up_leaves_no_snippet_behind() {
        var asked = new AtomicInteger();
        Startup.run(shell, splitter, QUIET, () -> asked.incrementAndGet() > 1);
        assertTrue(shell.imports().count() >= 10, "the start-up imports are all there");
        assertEquals(2, asked.get(), "the warm-up asked once per snippet until a cell was waiting, then stopped");
        assertTrue(shell.snippets().filter(s -> s.kind() != Snippet.Kind.IMPORT)
                .allMatch(s -> shell.status(s) == Snippet.Status.DROPPED), "warm-up snippets are dropped");
        assertEquals("2", shell.eval("1 + 1").getFirst().value(), "the shell still evaluates after the warm-up");
    }
}
