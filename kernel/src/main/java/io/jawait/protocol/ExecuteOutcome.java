package io.jawait.protocol;

import io.jawait.display.MimeBundle;
import java.util.List;
import java.util.Map;

/** How a cell ended: with an optional result to show, or with an error. */
public sealed interface ExecuteOutcome {

    /**
     * The cell ran; {@code result} is null when the cell has no value to show, {@code page} is null unless the
     * cell asked for help ({@code Math.sqrt?}), which front ends show in their pager. Each of the request's
     * {@code user_expressions} ends as an {@code Ok} holding its value as {@code result}, or as an {@code Error}.
     * {@code askExit}: the cell asked the front end to leave ({@code exit}), which a console does and a notebook
     * ignores.
     */
    record Ok(MimeBundle result, Map<String, ExecuteOutcome> userExpressions, MimeBundle page, boolean askExit)
            implements ExecuteOutcome {
        public Ok(MimeBundle result, Map<String, ExecuteOutcome> userExpressions) {
            this(result, userExpressions, null, false);
        }

        public Ok(MimeBundle result, Map<String, ExecuteOutcome> userExpressions, MimeBundle page) {
            this(result, userExpressions, page, false);
        }

        /** The outcome of a cell that asks the front end to leave. */
        public static Ok exit() {
            return new Ok(null, Map.of(), null, true);
        }
    }

    /** The cell failed; {@code traceback} lines are shown as they are (ANSI colours allowed). */
    record Error(String ename, String evalue, List<String> traceback) implements ExecuteOutcome {}
}
