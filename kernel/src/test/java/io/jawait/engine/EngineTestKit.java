package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.jawait.display.MimeBundle;
import io.jawait.magic.MagicRunner;
import io.jawait.protocol.ExecuteOutcome;
import io.jawait.protocol.ExecuteRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One interpreter per test class and one-line helpers: {@code execSuccess("1 + 1")} returns what the cell
 * shows, {@code execError("int x = ;")} the error it ends with.
 */
abstract class EngineTestKit {
    static JShellInterpreter interpreter;
    static int count;
    RecordingOutput last;

    @BeforeAll
    static void startInterpreter() {
        start(MagicRunner.NONE);
    }

    /** Starts the class's interpreter with {@code magics}, and waits for its start-up. */
    static void start(MagicRunner magics) {
        interpreter = new JShellInterpreter(magics);
        // start-up runs in the background; tests measure cells, not start-up
        interpreter.execute(new ExecuteRequest("0", false, false, false, Map.of(), 0), new RecordingOutput(false));
    }

    @AfterAll
    static void stopInterpreter() {
        interpreter.shutdown();
    }

    ExecuteOutcome exec(String code, RecordingOutput out) {
        last = out;
        return interpreter.execute(new ExecuteRequest(code, false, true, true, Map.of(), ++count), out);
    }

    /** Runs a cell that must succeed; returns its {@code text/plain} result, or null when it shows none. */
    String execSuccess(String code) {
        MimeBundle result = execBundle(code);
        return result == null ? null : (String) result.data().get("text/plain");
    }

    MimeBundle execBundle(String code) {
        var outcome = exec(code, new RecordingOutput(false));
        if (outcome instanceof ExecuteOutcome.Error e) {
            throw new AssertionError("cell failed: " + e.ename() + ": " + e.evalue() + "\n" + String.join("\n", e.traceback()));
        }
        return ((ExecuteOutcome.Ok) outcome).result();
    }

    /** Runs a cell that must fail; returns its error. */
    ExecuteOutcome.Error execError(String code) {
        return assertInstanceOf(ExecuteOutcome.Error.class, exec(code, new RecordingOutput(false)),
                "the cell should have failed: " + code);
    }

    static String traceback(ExecuteOutcome.Error e) {
        return String.join("\n", e.traceback());
    }
}
