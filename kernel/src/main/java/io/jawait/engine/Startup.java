package io.jawait.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
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
    private static final List<String> WARM_UP = List.of(
            "int $warm = 1 + 1;",
            "String $warmText(int n) { return \"warm\".repeat(n); }",
            "$warmText($warm).length()",
            "List<Integer> $warmList = new ArrayList<>(List.of(3, 1, 2)); $warmList.sort(null);");

    private Startup() {}

    /** Runs the start-up script, then warms up until {@code cellWaiting} says the user's first cell has come. */
    static void run(JShell shell, CellSplitter splitter, java.io.PrintStream log, BooleanSupplier cellWaiting) {
        for (var unit : splitter.split(script())) {
            for (SnippetEvent e : shell.eval(unit.source())) {
                if (e.status() == Snippet.Status.REJECTED && e.causeSnippet() == null) {
                    log.println("jawait: start-up line skipped (does not compile here): " + unit.source());
                }
            }
        }
        // completion is not warmed: its first call indexes the class path for seconds, and nbclient sends
        // the first cell right after kernel_info, so that time would land on the first cell
        warmUp(shell, splitter, cellWaiting);
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
                shell.eval(unit.source()).forEach(e -> made.add(e.snippet()));
            }
        }
        made.stream().distinct().forEach(s -> shell.drop(s));
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
