package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.protocol.ExecuteOutcome;
import org.junit.jupiter.api.Test;

class HelpRequestTest extends EngineTestKit {

    @Test
    void a_name_with_question_marks_is_a_help_request_and_java_code_is_not() {
        assertEquals("Math.sqrt", HelpRequest.target("Math.sqrt?"));
        assertEquals("Math.sqrt", HelpRequest.target("?Math.sqrt"));
        assertEquals("String", HelpRequest.target("String??\n"));
        assertEquals("list.add", HelpRequest.target("list.add()?"));
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
}
