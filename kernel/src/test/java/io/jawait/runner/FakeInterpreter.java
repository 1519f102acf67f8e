package io.jawait.runner;

import io.jawait.display.CellOutput;
import io.jawait.display.MimeBundle;
import io.jawait.protocol.CompleteReply;
import io.jawait.protocol.ExecuteOutcome;
import io.jawait.protocol.ExecuteRequest;
import io.jawait.protocol.InspectReply;
import io.jawait.protocol.Interpreter;
import io.jawait.protocol.IsCompleteReply;
import io.jawait.protocol.LanguageInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Cells are commands: {@code print X}, {@code value X}, {@code fail}, {@code display ID X},
 *  {@code update ID X}, {@code input}, {@code spin} (until interrupted). */
public final class FakeInterpreter implements Interpreter {
    final List<String> ran = new ArrayList<>();
    final CountDownLatch interrupted = new CountDownLatch(1);
    boolean shutDown;

    public LanguageInfo languageInfo() {
        return new LanguageInfo("java", "25", "text/x-java", ".java", "java", "text/x-java");
    }

    public String banner() {
        return "fake";
    }

    public ExecuteOutcome execute(ExecuteRequest request, CellOutput out) {
        String code = request.code().strip();
        ran.add(code);
        String[] w = code.split(" ", 3);
        try {
            switch (w[0]) {
                case "print" -> out.stdout(w[1] + "\n");
                case "value" -> {
                    return new ExecuteOutcome.Ok(MimeBundle.of("text/plain", w[1]), Map.of());
                }
                case "fail" -> {
                    return new ExecuteOutcome.Error("Boom", "cell " + request.executionCount(), List.of("Boom!"));
                }
                case "display" -> out.display(MimeBundle.of("text/plain", w[2]), w[1], false);
                case "update" -> out.display(MimeBundle.of("text/plain", w[2]), w[1], true);
                case "input" -> out.input("?", false);
                case "spin" -> {
                    interrupted.await();
                    return new ExecuteOutcome.Error("Interrupted", "timed out", List.of("Interrupted"));
                }
                default -> { }
            }
        } catch (IOException | InterruptedException e) {
            return new ExecuteOutcome.Error(e.getClass().getSimpleName(), e.getMessage(), List.of(e.toString()));
        }
        return new ExecuteOutcome.Ok(null, Map.of());
    }

    public CompleteReply complete(String code, int cursorPos) {
        return new CompleteReply(List.of(), cursorPos, cursorPos, List.of());
    }

    public InspectReply inspect(String code, int cursorPos, int detailLevel) {
        return new InspectReply(false, null);
    }

    public IsCompleteReply isComplete(String code) {
        return new IsCompleteReply("complete", null);
    }

    public void interrupt() {
        interrupted.countDown();
    }

    public void shutdown() {
        shutDown = true;
    }
}
