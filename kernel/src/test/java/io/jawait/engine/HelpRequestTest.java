package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.protocol.ExecuteOutcome;
import org.junit.jupiter.api.Test;

class HelpRequestTest extends EngineTestKit {

    @Test
    void a_name_with_question_marks_is_a_help_request_and_java_code_is_not() {
        assertEquals(new HelpRequest.Asked("Math.sqrt", false), HelpRequest.target("Math.sqrt?"));
        assertEquals(new HelpRequest.Asked("Math.sqrt", false), HelpRequest.target("?Math.sqrt"));
        assertEquals(new HelpRequest.Asked("String", true), HelpRequest.target("String??\n"));
        assertEquals(new HelpRequest.Asked("list.add", true), HelpRequest.target("??list.add()"));
        assertEquals(new HelpRequest.Asked("list.add", false), HelpRequest.target("list.add()?"));
        assertNull(HelpRequest.target("Math.sqrt"));
        assertNull(HelpRequest.target("?x?"));
        assertNull(HelpRequest.target("a ? b : c"));
        assertNull(HelpRequest.target("%timeit?"));
    }

    @Test
    void help_on_a_known_name_goes_to_the_pager_and_an_unknown_one_says_so() {
        var out = new RecordingOutput(false);
        var paged = (ExecuteOutcome.Ok) exec("Math.sqrt?", out);
        assertNull(paged.result());
        assertTrue(((String) paged.page().data().get("text/plain")).contains("double Math.sqrt(double a)"));
        var unknown = (ExecuteOutcome.Ok) exec("noSuchThing?", out);
        assertNull(unknown.page());
        assertTrue(out.stdout().contains("Object `noSuchThing` not found."), out.stdout());
    }

    @Test
    void two_question_marks_add_the_source_of_what_a_cell_declared_and_its_own_javadoc_shows() {
        execSuccess("""
                /**
                 * The n-th Fibonacci number, {@code fib(10)} is 55.
                 */
                long fibHelp(int n) {
                    return n < 2 ? n : fibHelp(n - 1) + fibHelp(n - 2);
                }""");
        String once = page("fibHelp?");
        assertTrue(once.startsWith("long fibHelp(int n)\nThe n-th Fibonacci number, fib(10) is 55."), once);
        assertFalse(once.contains("return"), once);
        String twice = page("fibHelp??");
        assertTrue(twice.startsWith(once + "\n\nSource:\n/**\n * The n-th"), twice);
        assertTrue(twice.endsWith("return n < 2 ? n : fibHelp(n - 1) + fibHelp(n - 2);\n}"), twice);
        // the JDK's classes have no source here: ?? shows what ? does, as IPython's does for a built-in
        assertEquals(page("Math.max?"), page("Math.max??"));
    }

    @Test
    void a_variables_help_is_ipythons_page_of_the_object_it_holds() {
        execSuccess("""
                /** A point on the grid. */
                record HelpPoint(int x, int y) {}
                var helpPoint = new HelpPoint(1, 2);
                var helpNames = new ArrayList<>(List.of("ada", "grace"));
                String helpLong = "a".repeat(150) + "b".repeat(150);
                int[] helpInts = {3, 4};""");
        assertEquals("""
                Type:        HelpPoint
                String form: HelpPoint[x=1, y=2]
                Docstring:   A point on the grid.
                """, page("helpPoint?"));
        // the type's documentation is its class's, below the head as IPython puts a docstring of several lines
        String names = page("helpNames?");
        assertTrue(names.startsWith("""
                Type:        ArrayList<String>
                String form: [ada, grace]
                Length:      2
                Docstring: \s
                Resizable-array implementation of the List interface."""), names);
        // text as it is, without quotes, and cut to its two ends past 200 characters
        String longText = page("helpLong?");
        assertTrue(longText.startsWith("Type:        String\nString form: " + "a".repeat(97) + " <...> "
                + "b".repeat(97) + "\nLength:      300\nDocstring: \s\nThe String class represents"), longText);
        String ints = "Type:        int[]\nString form: int[2] { 3, 4 }\nLength:      2\nDocstring:   <no docstring>\n";
        assertEquals(ints, page("helpInts?"));
        assertEquals(ints, page("helpInts??"), "a variable has no source: ?? shows what ? does, as in IPython");
        assertEquals(ints, interpreter.inspect("helpInts.length", 4, 0).data().data().get("text/plain"));
        // a member of the variable is documented as before
        assertEquals("int java.util.ArrayList<E>.size()\nReturns the number of elements in this list.\n"
                + "Returns: the number of elements in this list",
                interpreter.inspect("helpNames.size()", 12, 0).data().data().get("text/plain"));
    }

    private String page(String cell) {
        var outcome = (ExecuteOutcome.Ok) exec(cell, new RecordingOutput(false));
        assertNotNull(outcome.page(), cell);
        return (String) outcome.page().data().get("text/plain");
    }
}
