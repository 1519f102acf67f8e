package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.tools.StandardJavaFileManager;
import jdk.jshell.JShell;

/** A JShell on the kernel's execution control with {@link FastExpressions}, as the interpreter builds it. */
final class FastShell implements AutoCloseable {
    final JShell shell;
    final FastExpressions fast;
    final StartupGate gate = new StartupGate();
    final CellEvaluator evaluator;

    FastShell() {
        var runs = new SnippetRuns();
        var places = new SnippetPlaces();
        var provider = new KernelExecutionProvider(runs);
        var files = new AtomicReference<StandardJavaFileManager>();
        shell = JShell.builder().executionEngine(provider, Map.of()).fileManager(f -> {
            files.set(f);
            return f;
        }).build();
        fast = FastExpressions.create(shell, provider.generated(), files.get(), runs, places);
        assertNotNull(fast, "the build and the test JVM export javac's task pool to the kernel");
        evaluator = new CellEvaluator(shell, places, runs, fast, gate);
    }

    @Override
    public void close() {
        shell.close();
    }
}
