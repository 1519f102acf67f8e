package io.jawait.engine;

import io.jawait.display.CellOutput;
import io.jawait.display.CurrentOutput;
import io.jawait.display.MimeBundle;
import io.jawait.magic.CellException;
import io.jawait.magic.Evaluation;
import io.jawait.magic.MagicContext;
import io.jawait.magic.MagicRunner;
import io.jawait.protocol.CompleteReply;
import io.jawait.protocol.ExecuteOutcome;
import io.jawait.protocol.ExecuteRequest;
import io.jawait.protocol.InspectReply;
import io.jawait.protocol.Interpreter;
import io.jawait.protocol.IsCompleteReply;
import io.jawait.protocol.LanguageInfo;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.tools.StandardJavaFileManager;
import jdk.jshell.JShell;

/**
 * Java cells run by JShell inside the kernel's JVM (DESIGN.md §2): the local engine, made safe against exit
 * calls, interruptible, with output routed to the cell that printed it.
 *
 * <p>Threading: the protocol calls everything but {@link #interrupt} from one thread; all JShell work happens
 * on the engine thread, so {@link #execute} can answer an interrupt within a second even when the cell
 * cannot be stopped.
 */
public final class JShellInterpreter implements Interpreter {
    private static final long UNSTOPPABLE_AFTER_NANOS = 1_000_000_000L;
    static final Duration STARTUP_QUIET = Duration.ofSeconds(1);

    private final MagicRunner magics;
    private final SnippetRuns runs = new SnippetRuns();
    private final SnippetPlaces places = new SnippetPlaces();
    private final EngineThread engine = new EngineThread();
    private final JShell shell;
    private final CellEvaluator evaluator;
    private final Completer completer;
    private final CompletenessCheck completeness;
    private final CellInterrupter interrupter;
    private final KernelExecutionControl control;
    private final IndexingPause indexing;
    private final StartupGate startup = new StartupGate();
    /** The cells kept in the history, for {@code %history}: added by the protocol's thread, read by the engine's. */
    private final List<MagicContext.Input> kept = new CopyOnWriteArrayList<>();
    /** The jars and folders %classpath and %maven added, for code compiled to run in another JVM. */
    private final List<java.nio.file.Path> addedClassPath = new CopyOnWriteArrayList<>();
    private volatile Future<Evaluation> currentCell;
    private volatile CellOutput currentOutput;
    private volatile boolean interruptRequested;
    private volatile boolean userAsked;
    private volatile long interruptedAt;
    /** What the cell's magics asked of the front end: its next input ({@code %load}), pages ({@code %pdoc}). */
    private volatile List<ExecuteOutcome.Payload> payloads = List.of();
    /** The text of the last value a cell showed, for {@code %recall}: a string as it is, others as shown; or null. */
    private volatile String lastResult;
    /** The error of the last cell that failed, other than with a usage error: what {@code %tb} shows again. */
    private volatile ExecuteOutcome.Error lastError;

    public JShellInterpreter(MagicRunner magics) {
        this.magics = magics;
        PrintStream kernelErr = System.err;
        StdStreams.install();
        var classPath = KernelClassPath.location();
        var replClasses = new ReplClasses();
        var provider = new KernelExecutionProvider(runs, replClasses);
        var shellFiles = new AtomicReference<StandardJavaFileManager>();
        this.shell = JShell.builder().executionEngine(provider, Map.of())
                .fileManager(files -> {
                    shellFiles.set(files);
                    return KernelClassPath.compileAgainst(files, classPath);
                }).build();
        this.indexing = IndexingPause.hold(shell.sourceCodeAnalysis());
        var fast = FastExpressions.create(shell, provider.generated(),
                ExpressionCompiler.create(shellFiles.get(), replClasses), runs, places);
        this.evaluator = new CellEvaluator(shell, places, runs, fast, startup);
        if (fast != null) {
            provider.generated().reportFailures(fast.threadFailures());
        }
        this.completer = new Completer(shell, magics, new SessionVariables(shell, provider.generated()));
        this.completeness = new CompletenessCheck(shell.sourceCodeAnalysis());
        this.interrupter = new CellInterrupter(shell, runs, provider.generated());
        this.control = provider.generated();
        var splitter = new CellSplitter(shell.sourceCodeAnalysis());
        engine.submit(() -> {
            Startup.run(shell, splitter, kernelErr, () -> userAsked, fast, startup);
            indexing.releaseWhenIdle(this::cellRunning);
            finishStartupWhenIdle();
            return null;
        });
    }

    /**
     * Runs the start-up that waits in {@link #startup} once the engine is free: after the cell now running, or
     * after a quiet second when no cell has come.
     */
    private void finishStartupWhenIdle() {
        CompletableFuture.delayedExecutor(STARTUP_QUIET.toNanos(), TimeUnit.NANOSECONDS).execute(() -> {
            if (!cellRunning()) {
                finishStartup();
            }
        });
    }

    /** Queues the deferred start-up on the engine thread, where it runs once if it is still waiting. */
    private void finishStartup() {
        engine.submitUnlessShutDown(() -> {
            startup.ensure();
            return null;
        });
    }

    /** {@code work}, run on the engine thread after the deferred start-up, which completion and inspection need. */
    private <T> Callable<T> afterStartup(Callable<T> work) {
        return () -> {
            startup.ensure();
            return work.call();
        };
    }

    @Override
    public LanguageInfo languageInfo() {
        return new LanguageInfo("java", Runtime.version().toString(), "text/x-java", ".java", "java", "text/x-java");
    }

    @Override
    public String banner() {
        return "jawait: Java " + Runtime.version() + " in JShell, with await helpers and timing magics";
    }

    @Override
    public ExecuteOutcome execute(ExecuteRequest request, CellOutput out) {
        if (request.storeHistory()) {
            kept.add(new MagicContext.Input(request.executionCount(), request.code()));
        }
        try {
            return executeCell(request, out);
        } finally {
            // queued behind the reply to this cell, ahead of the next one
            finishStartup();
            // the quiet time counts from each cell's end: a check falling inside a later cell finds it running
            indexing.releaseWhenIdle(this::cellRunning);
        }
    }

    private ExecuteOutcome executeCell(ExecuteRequest request, CellOutput out) {
        if (cellRunning()) {
            return new ExecuteOutcome.Error("EngineBusy", "the previous cell is still running inside code that "
                    + "interrupt cannot reach", List.of("EngineBusy: the previous cell is still running inside "
                    + "code that interrupt cannot reach; interrupt again, or restart the kernel"));
        }
        userAsked = true;
        HelpRequest.Asked asked = HelpRequest.target(request.code());
        if (asked != null) {
            return help(asked, out);
        }
        if (asksToExit(request.code())) {
            return ExecuteOutcome.Ok.exit();
        }
        interruptRequested = false;
        interrupter.reset();
        currentOutput = out;
        payloads = new CopyOnWriteArrayList<>();
        Future<Evaluation> cell = engine.submit(() -> runCell(request, out));
        currentCell = cell;
        try {
            while (!EngineThread.await(cell, 50)) {
                if (interruptRequested) {
                    if (System.nanoTime() - interruptedAt > UNSTOPPABLE_AFTER_NANOS) {
                        return Outcomes.unstoppable();
                    }
                    // JShell's stop is a no-op while a snippet compiles; repeat it so the next snippet stops too
                    interrupter.repeat(currentOutput);
                }
            }
            Evaluation result = cell.get();
            var userExpressions = request.userExpressions().isEmpty() ? Map.<String, ExecuteOutcome>of()
                    : engine.call(() -> userExpressions(request, out));
            MimeBundle shown = Outcomes.resultBundle(request.code(), result);
            if (shown != null) {
                lastResult = result.value() instanceof String text ? text : (String) shown.data().get("text/plain");
            }
            return new ExecuteOutcome.Ok(shown, userExpressions, List.copyOf(payloads));
        } catch (Throwable failure) {
            ExecuteOutcome.Error error = Outcomes.failure(failure, interruptRequested);
            if (!error.ename().equals("UsageError")) {
                lastError = error;
            }
            return error;
        }
    }

    /**
     * Whether the cell is {@code exit} or {@code quit} ({@link ExitRequest}) and the user has declared nothing of
     * that name, which the cell would then mean instead.
     */
    private boolean asksToExit(String code) {
        String word = ExitRequest.word(code);
        if (word == null) {
            return false;
        }
        if (ExitRequest.command(code)) {
            return true;
        }
        try {
            return engine.call(afterStartup(() -> shell.variables().noneMatch(v -> v.name().equals(word))
                    && shell.methods().noneMatch(m -> m.name().equals(word))));
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * {@code name?}: the name's documentation for the front end's pager, as IPython pages it; {@code name??} adds
     * the source of what the cells declared by that name.
     */
    private ExecuteOutcome help(HelpRequest.Asked asked, CellOutput out) {
        try {
            MagicContext.Help found = engine.call(afterStartup(() -> completer.help(asked.name())));
            if (found != null) {
                return new ExecuteOutcome.Ok(null, Map.of(), List.of(new ExecuteOutcome.Payload.Page(
                        MimeBundle.of("text/plain", found.text(asked.detailed())))));
            }
        } catch (Exception e) {
            // reported below like any name without documentation
        }
        out.stdout("Object `" + asked.name() + "` not found.\n");
        return new ExecuteOutcome.Ok(null, Map.of());
    }

    private Evaluation runCell(ExecuteRequest request, CellOutput out) throws CellException {
        CurrentOutput.set(out);
        runs.reset();
        try {
            int number = request.executionCount();
            if (magics.handles(request.code())) {
                return magics.run(request.code(),
                        new EngineMagicContext(shell, control, evaluator, out, request.code(), number,
                                () -> interruptRequested, new EngineMagicContext.Session(history(request),
                                payloads::add, completer, () -> lastError == null ? null : lastError.traceback(),
                                () -> lastResult, addedClassPath)));
            }
            return evaluator.run(request.code(), number, () -> interruptRequested);
        } finally {
            System.out.flush();
            System.err.flush();
            StdStreams.cellEnded(out);
        }
    }

    /** The history as the cell of {@code request} sees it: itself last, when it is kept. */
    private MagicContext.CellHistory history(ExecuteRequest request) {
        List<MagicContext.Input> all = List.copyOf(kept);
        return request.storeHistory() ? new MagicContext.CellHistory(all.subList(0, all.size() - 1), all.getLast())
                : new MagicContext.CellHistory(all, null);
    }

    /**
     * The request's {@code user_expressions}, evaluated after the cell as ipykernel does: expressions only (a
     * statement or declaration would change the session behind the user's back), each failure its own error.
     */
    private Map<String, ExecuteOutcome> userExpressions(ExecuteRequest request, CellOutput out) {
        var results = new LinkedHashMap<String, ExecuteOutcome>();
        request.userExpressions().forEach((name, code) -> {
            if (magics.handles(code) || ExpressionUnit.expression(code) == null) {
                String message = "not an expression: user_expressions are evaluated, not run: " + code.strip();
                results.put(name, new ExecuteOutcome.Error("CompilationError", message,
                        List.of("CompilationError: " + message)));
                return;
            }
            try {
                var e = evaluator.run(code, request.executionCount(), () -> interruptRequested);
                results.put(name, new ExecuteOutcome.Ok(e.hasValue() ? Outcomes.valueBundle(e) : null, Map.of()));
            } catch (CellException | RuntimeException e) {
                results.put(name, Outcomes.failure(e, false));
            }
        });
        return results;
    }

    private boolean cellRunning() {
        Future<Evaluation> cell = currentCell;
        return cell != null && !cell.isDone();
    }

    @Override
    public CompleteReply complete(String code, int cursorPos) {
        userAsked = true;
        indexing.release();
        if (cellRunning()) {
            return new CompleteReply(List.of(), cursorPos, cursorPos, List.of());
        }
        try {
            return engine.call(afterStartup(() -> completer.complete(code, cursorPos)));
        } catch (Exception e) {
            return new CompleteReply(List.of(), cursorPos, cursorPos, List.of());
        }
    }

    @Override
    public InspectReply inspect(String code, int cursorPos, int detailLevel) {
        userAsked = true;
        indexing.release();
        if (cellRunning()) {
            return new InspectReply(false, null);
        }
        try {
            return engine.call(afterStartup(() -> completer.inspect(code, cursorPos, detailLevel)));
        } catch (Exception e) {
            return new InspectReply(false, null);
        }
    }

    @Override
    public IsCompleteReply isComplete(String code) {
        userAsked = true;
        if (cellRunning()) {
            return new IsCompleteReply("unknown", "");
        }
        try {
            return engine.call(() -> completeness.check(code));
        } catch (Exception e) {
            return new IsCompleteReply("unknown", "");
        }
    }

    @Override
    public void interrupt() {
        if (!cellRunning()) {
            return;
        }
        interruptedAt = System.nanoTime();
        interruptRequested = true;
        interrupter.request(currentOutput);
    }

    @Override
    public void shutdown() {
        interrupt();
        engine.shutdown();
        shell.close();
    }
}
