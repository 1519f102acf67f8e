package io.jawait.protocol;

import io.jawait.display.MimeBundle;
import java.util.List;
import java.util.Map;

/** How a cell ended: with an optional result to show, or with an error. */
public sealed interface ExecuteOutcome {

    /**
     * The cell ran; {@code result} is null when the cell has no value to show. {@code payloads} are the reply's
     * requests to the front end. Each of the request's {@code user_expressions} ends as an {@code Ok} holding its
     * value as {@code result}, or as an {@code Error}.
     */
    record Ok(MimeBundle result, Map<String, ExecuteOutcome> userExpressions, List<Payload> payloads)
            implements ExecuteOutcome {
        public Ok {
            payloads = List.copyOf(payloads);
        }

        public Ok(MimeBundle result, Map<String, ExecuteOutcome> userExpressions) {
            this(result, userExpressions, List.of());
        }

        /** The outcome of a cell that asks the front end to leave. */
        public static Ok exit() {
            return new Ok(null, Map.of(), List.of(new Payload.AskExit()));
        }

        /** The help page the cell asked for ({@code Math.sqrt?}), or null. */
        public MimeBundle page() {
            return payloads.stream().filter(Payload.Page.class::isInstance).map(p -> ((Payload.Page) p).data())
                    .findFirst().orElse(null);
        }

        /** Whether the cell asked the front end to leave ({@code exit}). */
        public boolean askExit() {
            return payloads.stream().anyMatch(Payload.AskExit.class::isInstance);
        }
    }

    /** A request to the front end that travels in an execute reply's {@code payload}, as ipykernel sends them. */
    sealed interface Payload {
        /** Help for the front end's pager ({@code Math.sqrt?}). */
        record Page(MimeBundle data) implements Payload {}

        /** Leave: jupyter console does (and shuts the kernel down), a notebook ignores it. */
        record AskExit() implements Payload {}

        /**
         * Text for the input: with {@code replace}, in place of the cell that ran (JupyterLab and Notebook), else as
         * the next cell; jupyter console puts it at its next prompt either way ({@code %load}).
         */
        record NextInput(String text, boolean replace) implements Payload {}
    }

    /** The cell failed; {@code traceback} lines are shown as they are (ANSI colours allowed). */
    record Error(String ename, String evalue, List<String> traceback) implements ExecuteOutcome {}
}
