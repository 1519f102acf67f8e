package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.protocol.Interpreter;
import io.jawait.runner.FakeInterpreter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void a_port_already_in_use_is_a_clear_error(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            Path file = dir.resolve("kernel.json");
            Files.writeString(file, """
                    {"shell_port": %d, "iopub_port": %d, "stdin_port": %d, "control_port": %d, "hb_port": %d,
                     "ip": "127.0.0.1", "key": "k", "transport": "tcp", "signature_scheme": "hmac-sha256"}"""
                    .formatted(port, port, port, port, port));
            assertEquals(1, Main.run(new String[] {"kernel", file.toString()}, FakeInterpreter::new,
                    new PrintStream(new ByteArrayOutputStream()), errStream));
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("cannot listen on tcp://127.0.0.1:"), text);
    }

    @Test
    void run_without_notebooks_prints_its_usage() {
        assertEquals(2, main("run"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: run"));
    }
}
