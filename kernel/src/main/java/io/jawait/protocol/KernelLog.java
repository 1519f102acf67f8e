package io.jawait.protocol;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The kernel's own diagnostics go to the process's stderr, which Jupyter shows in its server log. Written
 * to the file descriptor, because the engine may redirect {@code System.err} into cells.
 */
final class KernelLog {
    private static final PrintStream ERR =
            new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

    private KernelLog() {}

    static void warn(String message) {
        ERR.println("[jawait] " + message);
    }
}
