package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CallSiteRewriterTest {
    static final class Plain {
        int twice(int x) {
            return 2 * x;
        }
    }

    static final class Exits {
        void quit() {
            System.exit(3);
        }
    }

    @Test
    void a_class_that_names_no_exit_halt_or_start_is_handed_on_as_it_is() throws IOException {
        byte[] bytes = classBytes(Plain.class);
        assertSame(bytes, CallSiteRewriter.rewrite(bytes));
    }

    @Test
    void a_class_that_calls_system_exit_is_rewritten() throws IOException {
        byte[] bytes = classBytes(Exits.class);
        byte[] rewritten = CallSiteRewriter.rewrite(bytes);
        assertNotSame(bytes, rewritten);
        assertTrue(CallSiteRewriter.mentions(rewritten, ExitCalledError.class.getName().replace('.', '/')));
    }

    @Test
    void mentions_finds_a_name_at_either_end_and_nothing_longer_than_the_bytes() {
        byte[] bytes = "exit..start".getBytes(StandardCharsets.US_ASCII);
        assertTrue(CallSiteRewriter.mentions(bytes, "exit"));
        assertTrue(CallSiteRewriter.mentions(bytes, "start"));
        assertFalse(CallSiteRewriter.mentions(bytes, "halt"));
        assertFalse(CallSiteRewriter.mentions(bytes, "exit..start!"));
    }

    private static byte[] classBytes(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class")) {
            return in.readAllBytes();
        }
    }
}
