package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.protocol.ExecuteOutcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CellExecutionTest extends EngineTestKit {

    @Test
    void last_expression_is_the_result_as_jshell_shows_it() {
        assertEquals("2", execSuccess("1 + 1"));
        assertEquals("\"ab\"", execSuccess("\"a\" + \"b\""));
    }

    @Test
    void declarations_and_statements_show_no_result() {
        assertNull(execSuccess("int declaredOnly = 3;"));
        assertNull(execSuccess("if (declaredOnly > 0) { declaredOnly = 4; }"));
    }

    @Test
    void a_trailing_semicolon_silences_the_last_expression_as_in_ipython() {
        assertNull(execSuccess("System.out.printf(\"%d%n\", 42);"));
        assertNull(execSuccess("new java.util.ArrayList<Integer>().add(1);"));
        assertEquals("true", execSuccess("new java.util.ArrayList<Integer>().add(1)"));
    }

    @Test
    void comments_after_the_trailing_semicolon_do_not_bring_the_value_back() {
        assertNull(execSuccess("new java.util.ArrayList<Integer>().add(1);   // warm-up"));
        assertNull(execSuccess("new java.util.ArrayList<Integer>().add(1);\n// the end of the cell\n"));
        assertNull(execSuccess("new java.util.ArrayList<Integer>().add(1); /* done */"));
        assertEquals("true", execSuccess("new java.util.ArrayList<Integer>().add(1)   // no semicolon; shown"));
        assertEquals("\"a;\"", execSuccess("\"a;\""));
    }

    @Test
    void a_statement_or_declaration_ending_the_cell_needs_no_semicolon_as_in_jshell() {
        assertNull(execSuccess("int noSemicolon = 3"));
        assertEquals("3", execSuccess("noSemicolon"));
        assertNull(execSuccess("var alsoNone = noSemicolon + 1   // a comment after it"));
        assertEquals("4", execSuccess("alsoNone"));
        assertNull(execSuccess("import java.util.concurrent.atomic.LongAdder"));
        assertEquals("0", execSuccess("new LongAdder().sum()"));
        assertNull(execSuccess("if (alsoNone > 0) System.out.println(\"positive\")"));
        assertEquals("positive\n", last.stdout());
        assertNull(execSuccess("for (int i = 0; i < 2; i++) System.out.print(i)"));
        assertEquals("01", last.stdout());
        assertNull(execSuccess("String block = \"\"\"\n    hi\n    \"\"\""));
        assertEquals("\"hi\\n\"", execSuccess("block"));
        assertTrue(traceback(execError("throw new IllegalStateException(\"no semicolon\")"))
                .contains("IllegalStateException: no semicolon"));
    }

    @Test
    void user_expressions_are_evaluated_after_the_cell_each_failure_an_error_and_statements_refused() {
        Map<String, String> asked = new java.util.LinkedHashMap<>();
        asked.put("next", "shownNumber + 1");
        asked.put("unknown", "noSuchName");
        asked.put("divides", "1 / (shownNumber - 41)");
        asked.put("declares", "int sneaky = 42;");
        var outcome = interpreter.execute(new io.jawait.protocol.ExecuteRequest("int shownNumber = 41;", false, true,
                false, asked, ++count), new RecordingOutput(false));
        var values = ((ExecuteOutcome.Ok) outcome).userExpressions();
        assertEquals("42", ((ExecuteOutcome.Ok) values.get("next")).result().data().get("text/plain"));
        assertEquals("CompilationError", ((ExecuteOutcome.Error) values.get("unknown")).ename());
        assertEquals("java.lang.ArithmeticException", ((ExecuteOutcome.Error) values.get("divides")).ename());
        assertTrue(((ExecuteOutcome.Error) values.get("declares")).evalue().startsWith("not an expression"));
        assertEquals("CompilationError", execError("sneaky").ename());
    }

    @Test
    void a_cell_mixes_imports_methods_classes_records_enums_and_statements() {
        String cell = """
                import java.util.concurrent.atomic.AtomicInteger;
                int twice(int x) { return 2 * x; }
                record Point(int x, int y) {}
                enum Color { RED, GREEN }
                class Box { int v = 5; }
                var counter = new AtomicInteger(twice(new Box().v));
                counter.incrementAndGet();
                new Point(counter.get(), Color.GREEN.ordinal())
                """;
        assertEquals("Point[x=11, y=1]", execSuccess(cell));
    }

    @Test
    void redefinition_replaces_the_earlier_definition() {
        execSuccess("int version() { return 1; }");
        execSuccess("int version() { return 2; }");
        assertEquals("2", execSuccess("version()"));
    }

    @Test
    void stdout_and_stderr_go_to_the_cell() {
        assertNull(execSuccess("System.out.println(\"out line\"); System.err.print(\"err text\");"));
        assertEquals("out line\n", last.stdout());
        assertEquals("err text", last.stderr());
    }

    @Test
    void variables_survive_from_cell_to_cell() {
        execSuccess("var kept = new ArrayList<String>(); kept.add(\"a\");");
        assertEquals("[a]", execSuccess("kept"));
    }

    @Test
    void startup_imports_are_available() {
        assertTrue(execSuccess("Stream.of(1, 2).map(i -> i * 2).collect(Collectors.toList())").contains("[2, 4]"));
        assertEquals("true", execSuccess("Duration.ofSeconds(1) instanceof Duration"));
    }

    @Test
    void expression_cells_show_values_as_jshell_does_and_void_calls_show_nothing() {
        assertEquals("'c'", execSuccess("'c'"));
        assertEquals("null", execSuccess("(String) null"));
        assertEquals("int[3] { 1, 2, 3 }", execSuccess("new int[] {1, 2, 3}"));
        assertEquals("3", execSuccess("Math.max(1,\n    3) // a comment"));
        assertNull(execSuccess("System.out.print(\"\")"));
        execSuccess("int counter = 0;");
        assertEquals("0", execSuccess("counter++"));
        assertEquals("1", execSuccess("counter"));
    }

    @Test
    void an_expression_of_type_void_shows_nothing_as_ipython_shows_nothing_for_none() {
        // asyncio.run(main()) of a main that returns None: IPython shows no Out
        assertNull(execSuccess("run(async(() -> { Math.abs(-1); }))"));
        assertNull(execSuccess("run(async(() -> {\n    sleep(0.001);\n}), Mode.LOOP)"));
        assertEquals("5", execSuccess("run(async(() -> 5))"));
        execSuccess("Void nothing = null;\nObject something = null;");
        assertNull(execSuccess("nothing"));
        assertEquals("null", execSuccess("something"));
        assertEquals("null", execSuccess("(String) null"));
    }

    @Test
    void an_expression_that_does_not_compile_runs_nowhere_and_leaves_nothing_waiting() {
        var e = execError("notDefinedYet() + 1");
        assertEquals("CompilationError", e.ename());
        assertTrue(e.traceback().get(0).contains("column 1"), e.traceback().get(0));
        execSuccess("int notDefinedYet() { System.out.println(\"ran\"); return 1; }");
        assertEquals("", last.stdout(), "no declaration left from the failed cell ran when the name appeared");
    }
}
