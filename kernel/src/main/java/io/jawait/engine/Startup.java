package io.jawait.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * Prepares a fresh JShell: the imports of {@code startup.jsh} and a warm-up, so the user's first cell does not
 * pay for loading the compiler. A start-up line that does not compile (the await helpers missing from an
 * older build, say) is skipped and named on the kernel's own error stream; it never stops the kernel.
 */
final class Startup {
    private static final String SCRIPT = "/io/jawait/startup.jsh";
    /** The import that names the start-up snippet; see {@link StartupImportKey}. */
    static final String KEY = "import static io.jawait.engine.StartupImportKey.*;";
    private static final List<String> WARM_UP = List.of(
            "1 + 1",
            "int $warm = 1 + 1;",
            "String $warmText(int n) { return \"warm\".repeat(n); }",
            "$warmText($warm).length()",
            "List<Integer> $warmList = new ArrayList<>(List.of(3, 1, 2)); $warmList.sort(null);");

    private Startup() {}

    /** Runs the start-up script, then warms up until {@code cellWaiting} says the user's first cell has come. */
    static void run(JShell shell, CellSplitter splitter, java.io.PrintStream log, BooleanSupplier cellWaiting) {
        List<CellSplitter.Unit> units = splitter.split(script());
        evaluate(shell, units, log);
        warmUp(shell, splitter, cellWaiting);
    }

    /**
     * As {@link #run}, except that with {@code fast} the start-up script's imports go to {@code fast} first, which
     * compiles a trivial expression with them, and JShell's evaluation of them, with JShell's warm-up, waits in
     * {@code gate}: an expression cell, the usual first cell, then answers without waiting for JShell's evaluation
     * (~0.5 s at start); a cell that needs JShell's snippets runs it first.
     */
    static void run(JShell shell, CellSplitter splitter, java.io.PrintStream log, BooleanSupplier cellWaiting,
                    FastExpressions fast, StartupGate gate) {
        List<CellSplitter.Unit> units = splitter.split(script());
        Runnable rest = () -> {
            try {
                evaluate(shell, units, log);
                if (fast != null) {
                    fast.shellReady();
                }
                warmUp(shell, splitter, cellWaiting);
            } finally {
                StartupCpus.startupDone();
            }
        };
        boolean imports = units.stream().allMatch(u -> withoutComments(u.source()).startsWith("import "));
        if (fast != null && imports) {
            fast.provisionalImports(units.stream().map(CellSplitter.Unit::source).toList());
            if (fast.warmUp()) {
                gate.defer(rest);
                return;
            }
            fast.shellReady();
        }
        rest.run();
    }

    private static void evaluate(JShell shell, List<CellSplitter.Unit> units, java.io.PrintStream log) {
        if (!importAllAtOnce(shell, units)) {
            for (var unit : units) {
                for (SnippetEvent e : shell.eval(unit.source())) {
                    if (e.status() == Snippet.Status.REJECTED && e.causeSnippet() == null) {
                        log.println("jawait: start-up line skipped (does not compile here): " + unit.source());
                    }
                }
            }
        }
        // completion is not warmed: its first call indexes the class path for seconds, and nbclient sends
        // the first cell right after kernel_info, so that time would land on the first cell
    }

    /**
     * Evaluates every start-up import as one snippet: JShell keeps an import snippet's whole text and puts it
     * in every later compilation, so one snippet of twelve imports serves like twelve, and costs one
     * evaluation where twelve cost ~35 javac tasks on a cold compiler, the first cell's wait. JShell names an
     * import snippet by its first import, and a later import of the same name replaces it: the first line is
     * the no-op {@link #KEY} so that a cell's own {@code import java.util.*;} cannot take the others with it.
     * When the combined snippet does not compile (a build without some imported class), it is dropped and
     * the lines are evaluated one by one, so that only a bad line is lost.
     */
    static boolean importAllAtOnce(JShell shell, List<CellSplitter.Unit> units) {
        if (units.isEmpty() || !units.stream().allMatch(u -> withoutComments(u.source()).startsWith("import "))) {
            return false;
        }
        var text = new StringBuilder(KEY);
        units.forEach(u -> text.append('\n').append(u.source()));
        List<SnippetEvent> events = shell.eval(text.toString());
        if (events.size() == 1 && events.getFirst().status() == Snippet.Status.VALID) {
            return true;
        }
        events.forEach(e -> shell.drop(e.snippet()));
        return false;
    }

    /**
     * Warming up only pays while the kernel would otherwise be idle: a first cell that is already waiting
     * (nbclient sends it right after kernel_info) would wait for every warm-up snippet, each costlier than
     * the head start it gives that cell.
     */
    private static void warmUp(JShell shell, CellSplitter splitter, BooleanSupplier cellWaiting) {
        var made = new ArrayList<Snippet>();
        for (String code : WARM_UP) {
            if (cellWaiting.getAsBoolean()) {
                break;
            }
            for (var unit : splitter.split(code)) {
                // the path a cell of the same code takes (see CellEvaluator)
                String expression = ExpressionUnit.rewrite(unit.source(), ExpressionUnit.variableFor(unit.source()));
                shell.eval(expression != null ? expression : unit.source()).forEach(e -> made.add(e.snippet()));
            }
        }
        made.stream().distinct().forEach(s -> shell.drop(s));
    }

    /**
     * Whether {@code snippet} is one of the start-up imports, which {@code %reset} keeps: the combined snippet
     * ({@link #KEY} first), or one line of the script when they were evaluated one by one.
     */
    static boolean made(Snippet snippet) {
        String source = withoutComments(snippet.source());
        return source.startsWith(KEY) || ScriptImports.LINES.contains(source);
    }

    /** The script's import lines, read once, when first asked for. */
    private static final class ScriptImports {
        static final Set<String> LINES = script().lines().map(String::strip)
                .filter(line -> line.startsWith("import ")).collect(Collectors.toSet());
    }

    private static String withoutComments(String source) {
        return source.lines().filter(line -> !line.strip().startsWith("//")).collect(Collectors.joining("\n")).strip();
    }

    static String script() {
        try (InputStream in = Startup.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("the kernel jar lacks " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
