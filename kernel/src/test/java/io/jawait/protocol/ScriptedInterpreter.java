package io.jawait.protocol;

import io.jawait.display.CellOutput;
import io.jawait.display.MimeBundle;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in language for protocol tests: each cell is one command.
 * {@code value X}, {@code print X}, {@code lines N}, {@code fail}, {@code throw}, {@code block},
 * {@code input PROMPT}, {@code late X}, {@code display ID}, {@code update ID}, {@code wait-interrupt}.
 */
final class ScriptedInterpreter implements Interpreter {
    final Semaphore blocked = new Semaphore(0);
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch lateGo = new CountDownLatch(1);
    final CountDownLatch lateDone = new CountDownLatch(1);
    final Semaphore interrupts = new Semaphore(0);
    final java.util.concurrent.atomic.AtomicInteger interruptCalls = new java.util.concurrent.atomic.AtomicInteger();
    final CountDownLatch shutdowns = new CountDownLatch(1);
    volatile ExecuteRequest last;

    @Override
    public LanguageInfo languageInfo() {
        return new LanguageInfo("java", "25", "text/x-java", ".java", "java", "text/x-java");
    }

    @Override
    public String banner() {
        return "scripted";
    }

    @Override
    public ExecuteOutcome execute(ExecuteRequest request, CellOutput out) {
        last = request;
        String code = request.code().strip();
        String arg = code.contains(" ") ? code.substring(code.indexOf(' ') + 1) : "";
        String cmd = code.contains(" ") ? code.substring(0, code.indexOf(' ')) : code;
        try {
            return switch (cmd) {
                case "value" -> ok(MimeBundle.of("text/plain", arg));
                case "print" -> print(out, arg);
                case "lines" -> lines(out, Integer.parseInt(arg));
                case "fail" -> new ExecuteOutcome.Error("Boom", "it failed", List.of("Boom: it failed"));
                case "throw" -> throw new IllegalStateException("engine bug");
                case "block" -> block();
                case "input" -> ok(MimeBundle.of("text/plain", out.input(arg, false)));
                case "late" -> late(out, arg);
                case "display" -> display(out, arg, false);
                case "update" -> display(out, arg, true);
                case "wait-interrupt" -> waitInterrupt();
                default -> ok(null);
            };
        } catch (IOException | InterruptedException e) {
            return new ExecuteOutcome.Error(e.getClass().getSimpleName(), String.valueOf(e.getMessage()),
                    List.of(e.toString()));
        }
    }

    private static ExecuteOutcome ok(MimeBundle result) {
        return new ExecuteOutcome.Ok(result, Map.of());
    }

    private static ExecuteOutcome print(CellOutput out, String text) {
        out.stdout(text + "\n");
        return ok(null);
    }

    private static ExecuteOutcome lines(CellOutput out, int n) {
        for (int i = 0; i < n; i++) {
            out.stdout("line " + i + "\n");
        }
        return ok(null);
    }

    private ExecuteOutcome block() throws InterruptedException {
        blocked.release();
        release.await(30, TimeUnit.SECONDS);
        return ok(MimeBundle.of("text/plain", "released"));
    }

    private ExecuteOutcome late(CellOutput out, String text) {
        Thread.ofVirtual().start(() -> {
            try {
                lateGo.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            out.stdout(text + "\n");
            lateDone.countDown();
        });
        return ok(null);
    }

    private static ExecuteOutcome display(CellOutput out, String id, boolean update) {
        out.display(MimeBundle.of("text/plain", "shown " + id).with("text/html", "<b>" + id + "</b>"), id, update);
        return ok(null);
    }

    private ExecuteOutcome waitInterrupt() throws InterruptedException {
        blocked.release();
        return interrupts.tryAcquire(30, TimeUnit.SECONDS)
                ? new ExecuteOutcome.Error("Interrupted", "stopped", List.of("Interrupted: stopped"))
                : ok(null);
    }

    @Override
    public CompleteReply complete(String code, int cursorPos) {
        // the word being completed starts after the last '.', as a string index, as the engine's replies count
        int start = code.lastIndexOf('.', Math.max(0, cursorPos - 1)) + 1;
        return new CompleteReply(List.of("println", "printf"), start, cursorPos,
                List.of(new CompleteReply.Completion("println", "method", "void println()", start, cursorPos)));
    }

    @Override
    public InspectReply inspect(String code, int cursorPos, int detailLevel) {
        return code.isBlank() ? new InspectReply(false, null)
                : new InspectReply(true, MimeBundle.of("text/plain", "about " + code.substring(cursorPos)));
    }

    @Override
    public IsCompleteReply isComplete(String code) {
        return code.endsWith("(") ? new IsCompleteReply("incomplete", "    ") : new IsCompleteReply("complete", null);
    }

    @Override
    public void interrupt() {
        interruptCalls.incrementAndGet();
        interrupts.release();
    }

    @Override
    public void shutdown() {
        shutdowns.countDown();
    }
}
