package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.protocol.ExecuteOutcome;
import org.junit.jupiter.api.Test;

class ExitRequestTest extends EngineTestKit {

    @Test
    void exit_and_quit_alone_ask_to_leave_and_java_using_the_words_does_not() {
        assertEquals("exit", ExitRequest.word("exit"));
        assertEquals("exit", ExitRequest.word("  exit();\n"));
        assertEquals("quit", ExitRequest.word("quit ( )"));
        assertEquals("exit", ExitRequest.word("/exit"));
        assertNull(ExitRequest.word("exit + 1"));
        assertNull(ExitRequest.word("System.exit(0)"));
        assertNull(ExitRequest.word("exit(3)"));
        assertNull(ExitRequest.word("/quit"));
        assertNull(ExitRequest.word("exits"));
    }

    @Test
    void a_cell_asking_to_leave_ends_without_output_until_the_user_declares_the_name() {
        var out = new RecordingOutput(false);
        assertTrue(((ExecuteOutcome.Ok) exec("exit", out)).askExit());
        assertTrue(((ExecuteOutcome.Ok) exec("quit();", out)).askExit());
        assertEquals("", out.stdout());
        exec("int exit = 3;", out);
        var value = (ExecuteOutcome.Ok) exec("exit", out);
        assertFalse(value.askExit());
        assertEquals("3", value.result().data().get("text/plain"));
        exec("void quit() { System.out.println(\"mine\"); }", out);
        assertFalse(((ExecuteOutcome.Ok) exec("quit()", out)).askExit());
        assertTrue(out.stdout().contains("mine"), out.stdout());
        // JShell's command form is no Java name, so a declaration cannot take it
        assertTrue(((ExecuteOutcome.Ok) exec("/exit", out)).askExit());
    }
}
