package io.jawait.engine;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import jdk.jshell.JShellException;
import jdk.jshell.spi.ExecutionControl;

/**
 * Words the exception that a thread of cell code died of as the JVM words it ({@code Exception in thread "name"}),
 * with the trace of a cell's own error: its frames in cell lines ({@code at (cell 3, line 2)}), the frames of the
 * kernel and of JShell left out.
 */
final class ThreadFailures {
    private static final int MAX_CAUSES = 64;

    private final JShellExceptions exceptions;
    private final RuntimeErrors errors;
    private final UnaryOperator<StackTraceElement> own;

    /** @param own names a frame of the kernel's own snippet classes, or gives null for JShell's name */
    ThreadFailures(JShellExceptions exceptions, RuntimeErrors errors, UnaryOperator<StackTraceElement> own) {
        this.exceptions = exceptions;
        this.errors = errors;
        this.own = own;
    }

    String describe(Thread thread, Throwable failure) {
        JShellException converted = exceptions.translate(asRunException(failure, new IdentityHashMap<>()), own);
        return "Exception in thread \"" + thread.getName() + "\" " + String.join("\n", errors.traceback(converted));
    }

    /** {@code failure} in the form JShell's engine hands its exceptions over in, causes included. */
    private static ExecutionControl.UserException asRunException(Throwable failure, Map<Throwable, Boolean> seen) {
        var raw = new ExecutionControl.UserException(failure.getMessage(), failure.getClass().getName(),
                failure.getStackTrace());
        Throwable cause = failure.getCause();
        seen.put(failure, true);
        if (cause != null && !seen.containsKey(cause) && seen.size() < MAX_CAUSES) {
            raw.initCause(asRunException(cause, seen));
        }
        return raw;
    }
}
