package io.jawait.engine;

import io.jawait.display.Display;
import io.jawait.display.MimeBundle;
import io.jawait.display.Rich;
import io.jawait.magic.CellException;
import io.jawait.magic.Evaluation;
import io.jawait.protocol.ExecuteOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/** The error replies of {@link JShellInterpreter#execute}, worded for the user. */
final class Outcomes {
    private static final Pattern DISPLAY_CALL = Pattern.compile("(?s).*?(^|[;{}\\n])\\s*display\\s*\\(.*\\)\\s*;?\\s*$");

    private Outcomes() {}

    static ExecuteOutcome.Error unstoppable() {
        String message = "the cell did not stop within 1 s of the interrupt: it is running inside library code "
                + "that interrupt cannot reach (a long regex match, a loop in a library, a wait that ignores "
                + "interrupts). It goes on in the background and its later output still arrives here.";
        return new ExecuteOutcome.Error("KeyboardInterrupt", message, List.of("KeyboardInterrupt: " + message,
                "Interrupt again to retry, or restart the kernel to be rid of it (variables are then lost)."));
    }

    static ExecuteOutcome.Error failure(Throwable failure, boolean interrupted) {
        Throwable cause = failure instanceof ExecutionException e && e.getCause() != null ? e.getCause() : failure;
        if (interrupted && !(cause instanceof CellException ce && ce.ename().equals("KeyboardInterrupt"))) {
            var own = failure(cause, false);
            var interruption = CellEvaluator.interruption();
            var traceback = new ArrayList<>(interruption.traceback());
            traceback.add("The cell ended with this error after the interrupt (an InterruptedException, usually):");
            traceback.addAll(own.traceback());
            return new ExecuteOutcome.Error(interruption.ename(), interruption.getMessage(), traceback);
        }
        if (cause instanceof CellException ce) {
            return new ExecuteOutcome.Error(ce.ename(), ce.getMessage(), ce.traceback());
        }
        var traceback = new ArrayList<String>();
        traceback.add(cause.toString() + Hints.forException(cause.getClass().getName(), String.valueOf(cause.getMessage())));
        for (StackTraceElement frame : cause.getStackTrace()) {
            traceback.add("\tat " + frame);
        }
        return new ExecuteOutcome.Error(cause.getClass().getName(), String.valueOf(cause.getMessage()), traceback);
    }

    /** What a cell shows as its result: nothing, the value's own bundle, or its text as JShell shows it. */
    static MimeBundle resultBundle(String code, Evaluation result) {
        if (result == null || !result.hasValue() || endsWithDisplayCall(code)) {
            return null;
        }
        return valueBundle(result);
    }

    static MimeBundle valueBundle(Evaluation e) {
        return e.value() instanceof MimeBundle || e.value() instanceof Rich
                ? Display.bundleOf(e.value())
                : MimeBundle.of("text/plain", e.text() == null ? "" : ReplNames.plain(e.text()));
    }

    /** A cell ending in {@code display(...)} shows that display, not the id it returns. */
    static boolean endsWithDisplayCall(String code) {
        String last = code.strip();
        int lineStart = last.lastIndexOf('\n') + 1;
        return DISPLAY_CALL.matcher(last.substring(lineStart)).matches();
    }
}
