package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
