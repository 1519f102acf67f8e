package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        shell.addToClasspath(KernelClassPath.location().toString());
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
        assertEquals(Snippet.Status.VALID, shell.eval("Runnable $r = () -> { new AtomicInteger(1); LocalDate.now(); "
                + "Stream.of(1); html(\"x\"); };").getFirst().status(), "the start-up imports are all there");
        assertTrue(shell.imports().anyMatch(i -> i.source().startsWith(Startup.KEY) && shell.status(i) == Snippet.Status.VALID),
                "as one snippet");
        assertEquals(2, asked.get(), "the warm-up asked once per snippet until a cell was waiting, then stopped");
        assertTrue(shell.snippets().filter(s -> s.kind() != Snippet.Kind.IMPORT && !s.source().startsWith("Runnable $r"))
                .allMatch(s -> shell.status(s) == Snippet.Status.DROPPED), "warm-up snippets are dropped");
        assertEquals("2", shell.eval("1 + 1").getFirst().value(), "the shell still evaluates after the warm-up");
    }

    @Test
    void importing_a_start_up_package_again_keeps_the_other_start_up_imports() {
        Startup.run(shell, splitter, QUIET, () -> true);
        assertEquals(Snippet.Status.VALID, shell.eval("import java.util.*;").getFirst().status());
        assertEquals("PT1S", shell.eval("Duration.ofSeconds(1)").getFirst().value(), "java.time.* is still imported");
        assertEquals("true", shell.eval("List.of(1).contains(1)").getFirst().value());
    }

    @Test
    void importing_java_lang_keeps_the_start_up_imports() {
        Startup.run(shell, splitter, QUIET, () -> true);
        assertEquals(Snippet.Status.VALID, shell.eval("import java.lang.*;").getFirst().status());
        assertEquals("PT1S", shell.eval("Duration.ofSeconds(1)").getFirst().value(), "java.time.* is still imported");
        assertEquals("1", shell.eval("List.of(1).size()").getFirst().value(), "and java.util.*");
    }

    @Test
    void the_start_up_imports_are_told_from_the_users_whether_made_at_once_or_line_by_line() {
        Startup.run(shell, splitter, QUIET, () -> true);
        assertTrue(shell.imports().filter(i -> i.source().startsWith(Startup.KEY)).allMatch(Startup::made));
        // line by line, as when the combined snippet does not compile: each unit as the splitter cuts the script
        for (var unit : splitter.split(Startup.script())) {
            assertTrue(Startup.made(shell.eval(unit.source()).getFirst().snippet()), unit.source());
        }
        assertFalse(Startup.made(shell.eval("import java.util.regex.*;").getFirst().snippet()));
        assertFalse(Startup.made(shell.eval("int importedNothing = 1;").getFirst().snippet()));
    }

    @Test
    void a_start_up_import_that_does_not_compile_costs_only_its_own_line() {
        var units = splitter.split("import java.util.concurrent.*;\nimport no.such.pkg.*;");
        assertFalse(Startup.importAllAtOnce(shell, units), "the combined snippet is refused");
        assertTrue(shell.snippets().filter(s -> s.source().contains("no.such.pkg"))
                .allMatch(s -> shell.status(s) == Snippet.Status.DROPPED), "and leaves no snippet behind");
    }
}
