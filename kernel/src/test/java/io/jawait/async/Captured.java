package io.jawait.async;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** What a piece of code printed to {@code System.err} or {@code System.out}: run's warnings, LOOP's trace. */
final class Captured {
    private Captured() {
    }

    interface Body {
        void run() throws Exception;
    }

    static String stderrOf(Body body) throws Exception {
        return capture(System.err, System::setErr, body);
    }

    static String stdoutOf(Body body) throws Exception {
        return capture(System.out, System::setOut, body);
    }

    private static String capture(PrintStream saved, Consumer<PrintStream> redirect, Body body) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        redirect.accept(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            redirect.accept(saved);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
