package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.magic.Xmode;
import io.jawait.protocol.ExecuteOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorReportingTest extends EngineTestKit {

    @Test
    void compile_error_names_cell_line_and_column_and_marks_the_source() {
        var e = execError("int fine = 1;\nint bad = \"text\";");
        assertEquals("CompilationError", e.ename());
        String first = e.traceback().get(0);
        assertTrue(first.startsWith("cell " + count + ", line 2, column 11: "), first);
        assertEquals("    int bad = \"text\";", e.traceback().get(1));
        assertEquals("              ^", e.traceback().get(2));
    }

    @Test
    void using_a_void_call_as_a_value_says_why_it_has_none() {
        var e = execError("display(html(\"<b>hi</b>\"))");
        assertEquals("CompilationError", e.ename());
        assertTrue(e.traceback().get(0).contains("'void' type not allowed here (this call returns nothing"),
                e.traceback().get(0));
    }

    /**
     * JShell 25's javac crashes on a call that passes a variable of an intersection type to an overloaded method:
     * the cell gets an error that says so, not javac's page of stack trace and a silent success.
     */
    @Test
    void a_crash_of_javac_is_an_error_that_says_so_and_its_trace_stays_out_of_the_cell() {
        execSuccess("String pick(Object o) { return \"object\"; }\nString pick(Comparable<?> c) { return \"comparable\"; }");
        execSuccess("var mixedType = true ? Integer.valueOf(1) : \"one\";");
        var out = new RecordingOutput(false);
        var outcome = exec("int beforeCrash = 7;\npick(mixedType)", out);
        if (outcome instanceof ExecuteOutcome.Ok ok) {
            // a javac without this bug: the call then resolves as JShell types the variable
            assertEquals("\"comparable\"", ok.result().data().get("text/plain"));
            return;
        }
        var e = (ExecuteOutcome.Error) outcome;
        assertEquals(CompilerCrash.ENAME, e.ename(), traceback(e));
        assertTrue(e.evalue().contains("javac") && e.evalue().contains("AssertionError"), e.evalue());
        assertFalse(out.stderr().contains("An exception has occurred in the compiler"), out.stderr());
        assertFalse(out.stderr().contains("com.sun.tools.javac"), out.stderr());
        assertEquals("7", execSuccess("beforeCrash"));
        assertEquals("3", execSuccess("1 + 2"));
    }

    /** JShell's wrapper classes ({@code REPL.$JShell$14$Knot}) stay out of values and messages, as in the jshell tool. */
    @Test
    void values_and_messages_name_cell_classes_and_variables_as_the_cell_wrote_them() {
        execSuccess("class Knot { }\nObject nothingHere = null;");
        var e = execError("nothingHere.hashCode()");
        assertEquals("java.lang.NullPointerException", e.ename());
        assertTrue(e.evalue().contains("because \"nothingHere\" is null"), e.evalue());
        assertFalse(traceback(e).contains("$JShell$"), traceback(e));
        String shown = execSuccess("new Knot()");
        assertTrue(shown.startsWith("Knot@"), shown);
        String inList = execSuccess("var knots = List.of(new Knot());\nknots");
        assertTrue(inList.startsWith("[Knot@"), inList);
        // an array of a cell's type names its component type without the package: jshell shows Hue[2] { ... }
        assertEquals("Hue[2] { RED, GREEN }", execSuccess("enum Hue { RED, GREEN }\nHue.values()"));
    }

    /** The text of a cell's value comes from its toString, the user's code: its exception is the cell's error. */
    @Test
    void a_value_whose_to_string_throws_fails_the_cell_with_that_exception() {
        execSuccess("class NoText { public String toString() { throw new IllegalStateException(\"no text\"); } }");
        int declared = count;
        var e = execError("new NoText()");
        assertEquals("java.lang.IllegalStateException", e.ename(), traceback(e));
        assertEquals("no text", e.evalue());
        assertTrue(traceback(e).contains("NoText.toString(cell " + declared + ", line 1)"), traceback(e));
    }

    /** A value the cell does not show is not made into text: its toString is not called. */
    @Test
    void a_declaration_or_a_silenced_value_never_calls_to_string() {
        execSuccess("var textsMade = new java.util.concurrent.atomic.AtomicInteger();\n"
                + "class Counted { public String toString() { textsMade.incrementAndGet(); throw new"
                + " IllegalStateException(\"no text\"); } }");
        assertEquals(null, execSuccess("var declared = new Counted();"));
        assertEquals(null, execSuccess("Counted unsilenced = new Counted()"));
        assertEquals(null, execSuccess("new Counted();"));
        assertEquals("0", execSuccess("textsMade.get()"));
    }

    @Test
    void the_cell_stops_at_the_first_failing_snippet() {
        execError("int beforeFailure = 1;\nint x = undefinedThing;\nint afterFailure = 2;");
        assertEquals("1", execSuccess("beforeFailure"));
        assertEquals("CompilationError", execError("afterFailure").ename());
    }

    @Test
    void runtime_exception_shows_type_message_and_cell_lines_without_kernel_frames() {
        execSuccess("// a comment first\n\nvoid boom() {\n    throw new IllegalStateException(\"bad state\");\n}");
        int defined = count;
        var e = execError("int a = 1;\nboom();");
        assertEquals("java.lang.IllegalStateException", e.ename());
        assertEquals("bad state", e.evalue());
        String trace = traceback(e);
        assertTrue(trace.contains("at boom(cell " + defined + ", line 4)"), trace);
        assertTrue(trace.contains("at cell " + count + ", line 2"), trace);
        assertFalse(trace.contains("jdk.jshell"), trace);
        assertFalse(trace.contains("io.jawait"), trace);
        assertFalse(trace.contains("reflect"), trace);
    }

    /** %xmode Minimal: the exception and its causes alone; Verbose: every frame, with the line each cell frame ran. */
    @Test
    void xmode_chooses_how_much_of_the_stack_an_error_shows() {
        execSuccess("void boomX() {\n    throw new IllegalStateException(\"bad\", new RuntimeException(\"root\"));\n}");
        int defined = count;
        try {
            Xmode.set(Xmode.MINIMAL);
            var minimal = execError("int b = 1;\nboomX();");
            assertEquals(List.of("java.lang.IllegalStateException: bad", "Caused by: java.lang.RuntimeException: root"),
                    minimal.traceback());
            Xmode.set(Xmode.VERBOSE);
            String verbose = traceback(execError("int c = 2;\n  boomX();"));
            assertTrue(verbose.contains("\tat boomX(cell " + defined + ", line 2)\n\t\tthrow new IllegalStateException("
                    + "\"bad\", new RuntimeException(\"root\"));\n"), verbose);
            assertTrue(verbose.contains("\tat cell " + count + ", line 2\n\t\tboomX();\n"), verbose);
            String wrapped = traceback(execError("java.util.stream.Stream.of(0).map(z -> 1 / z).toList()"));
            assertTrue(wrapped.contains("at io.jawait.engine.KernelExecutionControl"), wrapped);
            Xmode.set(Xmode.PLAIN);
            String plain = traceback(execError("boomX();"));
            assertTrue(plain.contains("\tat boomX(cell " + defined + ", line 2)\n\tat cell " + count + ", line 1"),
                    plain);
            assertFalse(plain.contains("jdk.jshell"), plain);
        } finally {
            Xmode.set(Xmode.CONTEXT);
        }
    }

    @Test
    void causes_are_included() {
        var e = execError("throw new RuntimeException(\"outer\", new java.io.IOException(\"inner\"));");
        assertTrue(traceback(e).contains("Caused by: java.io.IOException: inner"), traceback(e));
    }

    @Test
    void library_frames_stay_in_the_trace() {
        var e = execError("Integer.parseInt(\"x1\")");
        assertEquals("java.lang.NumberFormatException", e.ename());
        assertTrue(traceback(e).contains("java.lang.Integer.parseInt"), traceback(e));
    }

    @Test
    void using_a_method_with_unresolved_references_is_reported_clearly() {
        assertEquals(null, execSuccess("int later() { return notYetDeclared * 2; }"));
        assertTrue(last.stderr().contains("notYetDeclared"), last.stderr());
        var e = execError("later()");
        assertEquals("UnresolvedReference", e.ename());
        assertTrue(e.evalue().contains("variable notYetDeclared"), e.evalue());
        execSuccess("int notYetDeclared = 21;");
        assertEquals("42", execSuccess("later()"));
    }

    @Test
    void a_class_waiting_for_an_undeclared_type_says_so_when_used() {
        execSuccess("class Holder { Missing m; }");
        assertTrue(last.stderr().contains("class Holder was defined, but cannot be used until class Missing is declared"),
                last.stderr());
        var e = execError("new Holder()");
        assertTrue(traceback(e).contains("class Holder is declared but cannot be used until class Missing is declared"),
                traceback(e));
        assertFalse(traceback(e).contains("location: class \n"), traceback(e));
    }

    @Test
    void a_class_broken_by_redefining_its_interface_says_why_when_used() {
        execSuccess("interface Shape { double area(); }");
        execSuccess("class Square implements Shape { public double area() { return 1; } }");
        execSuccess("interface Shape { double area(); double perimeter(); }");
        // as jshell says at once ("update modified class Square, however, it cannot be instantiated..."), the
        // cell that broke Square says so, not only the later cell that uses it
        assertTrue(last.stderr().contains("note: class Square no longer compiles after this change and cannot be "
                + "used until its errors are fixed: Square is not abstract and does not override abstract method "
                + "perimeter() in Shape"), last.stderr());
        var e = execError("new Square()");
        // Square waits for no name JShell could list: its own error, from the new Shape, is what stops it
        assertTrue(traceback(e).contains("note: class Square is declared but cannot be used until its errors are "
                + "fixed: Square is not abstract and does not override abstract method perimeter() in Shape"),
                traceback(e));
        execSuccess("interface Shape { double area(); }");
        assertFalse(last.stderr().contains("Square"), "a redefinition that mends a class needs no note: " + last.stderr());
        assertEquals("true", execSuccess("new Square() instanceof Shape"));
    }

    @Test
    void a_method_broken_by_redefining_what_it_calls_is_noted_by_the_redefining_cell() {
        execSuccess("int base() { return 1; }");
        execSuccess("int twice() { return 2 * base(); }");
        execSuccess("String base() { return \"one\"; }");
        assertTrue(last.stderr().contains("note: method twice() no longer compiles after this change"), last.stderr());
        assertTrue(last.stderr().contains("bad operand types for binary operator"), last.stderr());
    }

    @Test
    void declarations_waiting_only_for_later_lines_of_their_cell_get_no_note() {
        // a sealed interface names the records that implement it, declared below it in the same cell
        assertEquals("1.0", execSuccess("sealed interface Piece permits Pawn, Rook {}\nrecord Pawn() implements Piece {}\n"
                + "record Rook() implements Piece {}\ndouble worth(Piece p) {\n    return switch (p) {\n"
                + "        case Pawn a -> 1.0;\n        case Rook r -> 5.0;\n    };\n}\nworth(new Pawn())"));
        assertEquals("", last.stderr());
        // one still waiting at the end of the cell is noted, once, with what it waits for then
        execSuccess("class Board { Knight k; Bishop b; }\nclass Knight {}");
        assertEquals("note: class Board was defined, but cannot be used until class Bishop is declared\n",
                last.stderr());
        // named by their kind, as jshell names them ("created interface ..., however, ...")
        execSuccess("interface Castle extends Tower {}\nrecord Move(Square from) {}");
        assertEquals("note: interface Castle was defined, but cannot be used until class Tower is declared\n"
                + "note: record Move was defined, but cannot be used until class Square is declared\n", last.stderr());
        // an interface redefined, then its class mended, in one cell: nothing is left broken
        execSuccess("interface Moves { int count(); }\nclass King implements Moves { public int count() { return 8; } }");
        execSuccess("interface Moves { int count(); int reach(); }\n"
                + "class King implements Moves { public int count() { return 8; } public int reach() { return 1; } }");
        assertEquals("", last.stderr());
    }

    @Test
    void an_unterminated_cell_is_a_clear_compile_error() {
        var e = execError("int y = (1 +");
        assertEquals("CompilationError", e.ename());
    }

    @Test
    void an_expression_cell_failing_inside_a_stream_shows_the_lines_of_the_lambda_and_of_the_call() {
        var e = execError("List.of(1, 2)\n    .stream()\n    .map(i -> 10 / (i - 1))\n    .toList()");
        assertEquals("java.lang.ArithmeticException", e.ename());
        String trace = traceback(e);
        assertTrue(trace.contains("(cell " + count + ", line 3)"), trace);
        assertTrue(trace.endsWith("\tat cell " + count + ", line 4"), trace);
        assertFalse(trace.contains("line 1"), trace);
        assertFalse(trace.contains("io.jawait"), trace);
    }

    /** IPython's !cmd reads as a negation in Java: the error ends with what to write for a shell command. */
    @Test
    void a_shell_escape_fails_with_a_hint_naming_the_magic_to_use() {
        for (String cell : List.of("!ls -la", "!!pip install requests", "int x0 = 1;\n!echo $HOME")) {
            var e = execError(cell);
            assertEquals("CompilationError", e.ename(), cell);
            String command = cell.substring(cell.lastIndexOf('!') + 1);
            assertEquals("hint: ! runs no shell command in Java; write %sx " + command + " (the lines it prints, "
                    + "as a List), or start the cell with %%bash", e.traceback().getLast(), cell);
        }
        var negation = execError("boolean notYetDefinedHere = !undefinedFlag;");
        assertTrue(negation.traceback().stream().noneMatch(line -> line.startsWith("hint:")), negation.traceback()
                .toString());
        var unequal = execError("1\n!= undefinedOther");
        assertTrue(unequal.traceback().stream().noneMatch(line -> line.startsWith("hint:")), unequal.traceback()
                .toString());
    }
}
