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
        StdStreams.install(); // as the interpreter does: the engine holds back what javac prints to System.err
        var runs = new SnippetRuns();
        var places = new SnippetPlaces();
        var replClasses = new ReplClasses();
        var provider = new KernelExecutionProvider(runs, replClasses);
        var files = new AtomicReference<StandardJavaFileManager>();
        shell = JShell.builder().executionEngine(provider, Map.of()).fileManager(f -> {
            files.set(f);
            return f;
        }).build();
        var compiler = ExpressionCompiler.create(files.get(), replClasses);
        assertNotNull(compiler, "the build and the test JVM export javac's task pool to the kernel");
        fast = FastExpressions.create(shell, provider.generated(), compiler, runs, places);
        assertNotNull(fast, "the test JVM opens JShell's package to the kernel");
        evaluator = new CellEvaluator(shell, places, runs, fast, gate);
    }

    @Override
    public void close() {
        shell.close();
    }
}
