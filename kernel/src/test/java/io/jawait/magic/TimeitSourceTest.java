package io.jawait.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The loop class %timeit compiles: what it consumes, whatever comments the statement carries. */
class TimeitSourceTest {

    @Test
    void the_last_value_is_consumed_when_a_comment_follows_the_statement_or_its_semicolon() {
        for (String statement : new String[] {"Math.sqrt(x)", "Math.sqrt(x);", "Math.sqrt(x);  // one root",
                "Math.sqrt(x)  // one root", "Math.sqrt(x); /* one root */", "Math.sqrt(x);\n// one root\n"}) {
            var source = new TimeitSource("", statement);
            assertTrue(source.mayHaveValue(), statement);
            assertTrue(source.source(true).text().contains("$bh.consume(Math.sqrt(x));"), statement + "\n" + source.source(true).text());
            assertFalse(source.source(true).text().contains("one root"), statement);
        }
    }

    @Test
    void comments_in_the_setup_and_between_statements_go_and_strings_keep_their_slashes() {
        var source = new TimeitSource("double y = 3; // setup", "int n = 2; // first\n\"a // b\".repeat(n)");
        String java = source.source(true).text();
        assertTrue(java.contains("double y = 3;"), java);
        assertFalse(java.contains("setup") || java.contains("first"), java);
        assertTrue(java.contains("$bh.consume(\"a // b\".repeat(n));"), java);
    }

    @Test
    void a_forks_class_calls_the_statement_as_a_method_unless_setup_declares_what_it_uses() {
        String alone = new TimeitSource("", "Math.sqrt(x)").classSource(true).text();
        assertTrue(alone.contains("$statement();\n        }\n"), alone);
        assertTrue(alone.contains("private void $statement() throws Throwable {\n            int $fence"), alone);
        assertFalse(alone.contains("{ new "), alone);
        String withSetup = new TimeitSource("double y = 3;", "Math.sqrt(y)").classSource(true).text();
        assertFalse(withSetup.contains("$statement"), withSetup);
        assertTrue(withSetup.indexOf("double y = 3;") < withSetup.indexOf("$bh.consume(Math.sqrt(y));"), withSetup);
        // the kernel's own loop keeps the statement in the loop, as its measurements were made
        assertFalse(new TimeitSource("", "Math.sqrt(x)").source(true).text().contains("$statement"));
    }

    @Test
    void without_comments_keeps_line_breaks_and_literals() {
        // each character of a comment becomes a space, but its line breaks stay: positions keep line and column
        assertEquals("a     \nb         c", JavaText.withoutComments("a // x\nb /* y */ c"));
        assertEquals("s(\"/* no */\", '/')", JavaText.withoutComments("s(\"/* no */\", '/')"));
        assertEquals("x       \n   \n  y", JavaText.withoutComments("x /* one\ntwo\n*/y"));
    }
}
