package io.jawait.engine;

/**
 * Thrown in place of {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} in cell code.
 *
 * <p>An {@code Error}, not an exception, so that a cell's {@code catch (Exception e)} does not swallow it: the
 * user asked to stop, and the cell should stop, only the kernel stays.
 */
public final class ExitCalledError extends Error {

    ExitCalledError(String call, int status) {
        super(call + "(" + status + ") was called in a cell: the kernel keeps running");
    }

    /** Replaces {@code System.exit(status)} in snippet bytecode; public because snippet classes call it. */
    public static void systemExit(int status) {
        throw new ExitCalledError("System.exit", status);
    }

    /** Replaces {@code runtime.exit(status)}; takes the receiver so the operand stack stays the same. */
    public static void runtimeExit(Runtime runtime, int status) {
        throw new ExitCalledError("Runtime.exit", status);
    }

    /** Replaces {@code runtime.halt(status)}. */
    public static void runtimeHalt(Runtime runtime, int status) {
        throw new ExitCalledError("Runtime.halt", status);
    }
}
