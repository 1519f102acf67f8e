package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.protocol.Interpreter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MainTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    private final Supplier<Interpreter> none = () -> {
        throw new AssertionError("no interpreter should be made");
    };

    private int main(String... args) {
        return Main.run(args, none, new PrintStream(new ByteArrayOutputStream()), errStream);
    }

    @Test
    void no_arguments_or_an_unknown_command_print_the_usage() {
        assertEquals(2, main());
        assertEquals(2, main("serve"));
        assertEquals(2, main("kernel"));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("usage: java -jar jawait-kernel.jar kernel CONNECTION_FILE"), text);
        assertTrue(text.contains("unknown command 'serve'"), text);
    }

    @Test
    void a_missing_connection_file_is_a_clear_error() {
        assertEquals(1, main("kernel", "/nonexistent/kernel-1.json"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot start the kernel"));
    }

    @Test
    void run_without_notebooks_prints_its_usage() {
        assertEquals(2, main("run"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: run"));
    }
}
