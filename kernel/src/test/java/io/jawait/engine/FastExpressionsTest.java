package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.magic.CellException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expression cells compiled outside JShell's evaluation: each must leave no snippet behind in JShell (the proof
 * that JShell did not evaluate it) and still see, show and report exactly what JShell's own path would.
 */
class FastExpressionsTest {
    private static FastShell engine;
    private static JShell shell;
    private static CellEvaluator evaluator;
    private static int cell;

    @BeforeAll
    static void createShell() {
        engine = new FastShell();
        shell = engine.shell;
        evaluator = engine.evaluator;
    }

    @AfterAll
    static void closeShell() {
        engine.close();
    }

    /** Runs a cell that must succeed and returns the text it shows. */
    private static String run(String code) throws CellException {
        return evaluator.run(code, ++cell, () -> false).text();
    }

    /** Runs an expression cell and checks that JShell made no snippet of it. */
    private static String fast(String code) throws CellException {
        long before = shell.snippets().count();
        String text = run(code);
        assertEquals(before, shell.snippets().count(), () -> "JShell evaluated " + code);
        return text;
    }

    @Test
    void expressions_see_the_variables_methods_classes_and_imports_of_earlier_cells_as_they_are_now()
            throws CellException {
        run("int seen = 20;");
        assertEquals("21", fast("seen + 1"));
        run("String seen = \"now text\";");
        assertEquals("\"now text\"", fast("seen"));
        run("int twice(int n) { return 2 * n; }");
        assertEquals("8", fast("twice(4)"));
        run("int twice(int n) { return 3 * n; }");
        assertEquals("12", fast("twice(4)"));
        run("record Point(int x, int y) {}");
        assertEquals("Point[x=1, y=2]", fast("new Point(1, 2)"));
        run("import java.util.regex.Pattern;");
        assertEquals("true", fast("Pattern.matches(\"a+\", \"aaa\")"));
        assertEquals("2", fast("java.util.List.of(1, 2).size()"));
    }

    /**
     * Only an expression that cannot hold a loop or a second method is loaded without JShell's stop checks; the
     * others still run right on the fast path, with them.
     */
    @Test
    void expressions_with_blocks_lambdas_or_method_references_keep_the_stop_checks() throws CellException {
        assertTrue(FastExpressions.straightLine("Math.max(1, 2) + (true ? 3 : 4)"));
        for (String checked : List.of("List.of(1, 2).stream().map(i -> i * 10).toList()",
                "switch (2) { case 1 -> \"one\"; default -> { int n = 0; for (int i = 0; i < 3; i++) n += i; "
                        + "yield \"sum \" + n; } }",
                "List.of(\"a\", \"bb\").stream().map(String::length).toList()",
                "new Object() { public String toString() { return \"anonymous\"; } }")) {
            assertFalse(FastExpressions.straightLine(checked), checked);
        }
        assertEquals("[10, 20]", fast("java.util.List.of(1, 2).stream().map(i -> i * 10).toList()"));
        assertEquals("\"sum 3\"", fast("(switch (2) { case 1 -> \"one\"; default -> { int n = 0; "
                + "for (int i = 0; i < 3; i++) n += i; yield \"sum \" + n; } })"));
        assertEquals("[1, 2]", fast("java.util.List.of(\"a\", \"bb\").stream().map(String::length).toList()"));
    }

    @Test
    void a_void_call_shows_nothing_and_a_trailing_semicolon_silences_a_value() throws CellException {
        assertEquals(null, fast("System.out.print(\"\")"));
        assertEquals(null, fast("Math.max(1, 2);"));
    }

    @Test
    void a_unit_that_does_not_compile_here_is_left_to_jshell_and_its_error() {
        var e = assertThrows(CellException.class, () -> run("undefinedName + 1"));
        assertEquals("CompilationError", e.ename());
        assertTrue(e.traceback().getFirst().startsWith("cell " + cell + ", line 1, column 1: "), e.traceback().getFirst());
    }

    @Test
    void exceptions_name_cell_lines_of_the_expression_and_of_the_methods_it_called() throws CellException {
        run("int boomAt(int n) {\n    return 10 / n;\n}");
        int defined = cell;
        long before = shell.snippets().count();
        var e = assertThrows(CellException.class, () -> run("\n1 +\n   boomAt(0)"));
        assertEquals(before, shell.snippets().count(), "JShell evaluated the failing expression");
        assertEquals("java.lang.ArithmeticException", e.ename());
        assertEquals("/ by zero", e.getMessage());
        String trace = String.join("\n", e.traceback());
        assertTrue(trace.contains("at boomAt(cell " + defined + ", line 2)"), trace);
        assertTrue(trace.contains("at cell " + cell + ", line 3"), trace);
        assertTrue(!trace.contains("io.jawait") && !trace.contains("jdk.jshell") && !trace.contains("Jawait"), trace);
    }

    /**
     * JShell gives {@code mixed} its intersection type in its own compilations, where the class file says
     * {@code Serializable}; compiled against the class file, {@code which(mixed)} would say "object". So the unit
     * is left to JShell (it makes a snippet of it), whose answer the cell shows; JShell 25's own compiler crashes
     * on it, which the cell reports as {@link CompilerCrash}.
     */
    @Test
    void a_variable_of_an_intersection_type_is_left_to_jshell() throws CellException {
        run("String which(Object o) { return \"object\"; }\nString which(Comparable<?> c) { return \"comparable\"; }");
        run("var mixed = true ? Integer.valueOf(1) : \"one\";");
        long before = shell.snippets().count();
        try {
            assertEquals("\"comparable\"", run("which(mixed)"));
        } catch (CellException crash) {
            assertEquals(CompilerCrash.ENAME, crash.ename(), crash.getMessage());
        }
        assertTrue(shell.snippets().count() > before, "the fast path compiled a unit with an intersection type");
    }

    @Test
    void classes_added_to_the_class_path_are_seen(@TempDir Path dir) throws Exception {
        Path src = Files.writeString(dir.resolve("Added.java"), "package added; public class Added { public static int seven() { return 7; } }");
        var javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", dir.resolve("classes").toString(), src.toString()));
        shell.addToClasspath(dir.resolve("classes").toString());
        assertEquals("7", fast("added.Added.seven()"));
    }

    @Test
    void repeated_and_differing_expressions_stay_fast_and_right() throws CellException {
        for (int i = 0; i < 30; i++) {
            assertEquals(String.valueOf(i + 1), fast(i + " + 1"));
        }
        assertEquals(List.of(), shell.variables().filter(v -> shell.status(v).isActive())
                .filter(v -> v.name().startsWith(ExpressionUnit.VARIABLE)).toList());
    }
}
