package io.jawait.engine;

import io.jawait.magic.CellException;
import io.jawait.magic.Evaluation;
import io.jawait.magic.MagicContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * Evaluates the Java code of a cell snippet by snippet, stopping at the first failure, and says what the
 * last expression was worth. Runs on the engine thread only.
 */
final class CellEvaluator {
    /** IPython's shell escape at the start of a snippet: one or two !, then a command (not != or a bracket). */
    private static final Pattern SHELL_ESCAPE = Pattern.compile("\\s*!!?([A-Za-z./~][^\\n]*)");
    private final JShell shell;
    private final CellSplitter splitter;
    private final SnippetPlaces places;
    private final SnippetRuns runs;
    private final RuntimeErrors runtimeErrors;
    private final FastExpressions fast;
    private final StartupGate startup;
    private final ClassKeys classKeys;
    /** Evaluations and drops made through JShell, for {@link FastExpressions}: each may change what cells see. */
    private long shellEdits;

    CellEvaluator(JShell shell, SnippetPlaces places, SnippetRuns runs) {
        this(shell, places, runs, null, new StartupGate());
    }

    /**
     * With {@code fast} (may be null) trying each expression unit before JShell does, and {@code startup} run
     * before JShell evaluates anything.
     */
    CellEvaluator(JShell shell, SnippetPlaces places, SnippetRuns runs, FastExpressions fast, StartupGate startup) {
        this.fast = fast;
        this.startup = startup;
        this.shell = shell;
        this.splitter = new CellSplitter(shell.sourceCodeAnalysis());
        this.places = places;
        this.runs = runs;
        this.runtimeErrors = new RuntimeErrors(shell, places);
        this.classKeys = ClassKeys.of(shell);
    }

    /**
     * Runs {@code code}, cell number {@code cell}; {@code interrupted} tells whether the user asked to stop.
     *
     * @throws CellException for a compile error, an exception, or an interrupt
     */
    Evaluation run(String code, int cell, BooleanSupplier interrupted) throws CellException {
        return run(CellCode.whole(code), cell, interrupted);
    }

    /** {@link #run(String, int, BooleanSupplier)} for code that is part of its cell, or made from a part. */
    Evaluation run(CellCode code, int cell, BooleanSupplier interrupted) throws CellException {
        long start = System.nanoTime();
        long executeBefore = runs.executeNanos();
        List<CellSplitter.Unit> units = splitter.split(code.code());
        Evaluation last = new Evaluation(false, null, null, 0, 0);
        var notes = new Notes();
        try {
            for (var unit : units) {
                if (interrupted.getAsBoolean()) {
                    throw interruption();
                }
                last = runUnit(code, cell, unit, interrupted, notes);
            }
        } finally {
            notes.print();
        }
        long execute = runs.executeNanos() - executeBefore;
        long compile = Math.max(0, System.nanoTime() - start - execute);
        return new Evaluation(last.hasValue(), last.value(), last.text(), compile, execute);
    }

    /** {@link #run}, also summing the resources the cell's code used while it ran (not while it compiled). */
    MagicContext.Measured runMeasured(CellCode code, int cell, BooleanSupplier interrupted) throws CellException {
        runs.measure(true);
        try {
            Evaluation e = run(code, cell, interrupted);
            return new MagicContext.Measured(e, runs.used());
        } finally {
            runs.measure(false);
        }
    }

    private Evaluation runUnit(CellCode code, int cell, CellSplitter.Unit unit, BooleanSupplier interrupted,
                               Notes notes) throws CellException {
        runs.clearValue();
        String expression = ExpressionUnit.expression(unit.source());
        // a declaration's value is not shown, nor a value after a ';'
        runs.wantText(expression != null && !unit.silenced());
        if (expression != null && fast != null) {
            Evaluation value = fast.run(code, cell, unit, expression, shellEdits, interrupted);
            if (value != null) {
                return value;
            }
        }
        startup.ensure();
        String declaration = expression == null ? null : ExpressionUnit.declaration(expression, unit.source());
        if (declaration != null) {
            Evaluation value = runExpression(code, cell, unit, declaration, interrupted);
            if (value != null) {
                return value;
            }
        }
        shellEdits++;
        var place = new SnippetPlaces.Place(cell, code, unit.offset());
        places.evaluating(place);
        List<SnippetEvent> events;
        try {
            events = evalInShell(unit.evalSource());
            if (!events.isEmpty()) {
                places.put(events.getFirst().snippet().id(), place);
            }
        } finally {
            places.evaluating(null);
        }
        if (events.isEmpty()) {
            throw compileError(code, cell, unit, "this is not Java code JShell can evaluate");
        }
        SnippetEvent main = events.getFirst();
        Snippet snippet = main.snippet();
        if (interrupted.getAsBoolean()) {
            throw interruption();
        }
        if (main.status() == Snippet.Status.REJECTED) {
            throw compileFailure(code, cell, unit, snippet);
        }
        if (main.exception() != null) {
            throw runtimeErrors.error(main.exception());
        }
        if (code.mustResolve() && pending(main) != null) {
            throw unresolved(code, cell, unit, main);
        }
        notes.add(events);
        boolean hasValue = showsValue(snippet) && !unit.silenced() && main.value() != null;
        var result = new Evaluation(hasValue, hasValue ? runs.lastValue() : null, hasValue ? main.value() : null, 0, 0);
        dropTempVar(main);
        return result;
    }

    /**
     * JShell's evaluation of {@code source}, with the names of rejected and dropped classes forgotten first: JShell
     * would otherwise type every later {@code var} of a reference type as {@code java.lang.Object} (see ClassKeys).
     */
    private List<SnippetEvent> evalInShell(String source) throws CellException {
        if (classKeys != null) {
            classKeys.forgetInactive();
        }
        return CompilerCrash.eval(shell, source);
    }

    /**
     * Runs an expression unit as {@link ExpressionUnit} rewrote it; null when that snippet did not compile, so
     * nothing ran and the caller evaluates the unit as written (and reports JShell's own errors).
     */
    private Evaluation runExpression(CellCode code, int cell, CellSplitter.Unit unit, String declaration,
                                     BooleanSupplier interrupted) throws CellException {
        shellEdits++;
        var place = new SnippetPlaces.Place(cell, code, unit.offset());
        places.evaluating(place);
        List<SnippetEvent> events;
        try {
            events = evalInShell(declaration);
            if (!events.isEmpty() && events.getFirst().status() == Snippet.Status.VALID) {
                places.put(events.getFirst().snippet().id(), place);
            }
        } finally {
            places.evaluating(null);
        }
        try {
            if (events.isEmpty() || events.getFirst().status() != Snippet.Status.VALID) {
                return null;
            }
            SnippetEvent main = events.getFirst();
            if (interrupted.getAsBoolean()) {
                throw interruption();
            }
            if (main.exception() != null) {
                throw runtimeErrors.error(main.exception());
            }
            Object value = runs.lastValue();
            boolean hasValue = value != CellValue.NONE && !unit.silenced() && main.value() != null;
            return new Evaluation(hasValue, hasValue ? value : null, hasValue ? main.value() : null, 0, 0);
        } finally {
            // a declaration left behind, even one waiting for a name, would run again once that name exists
            if (!events.isEmpty()) {
                shellEdits++;
                shell.drop(events.getFirst().snippet());
            }
        }
    }

    /**
     * Forgets the {@code $1}, {@code $2}... variable JShell makes of each expression: nothing in a notebook names
     * it, and every live one is imported into the compilation of every later snippet, so a trivial cell
     * took 34 ms after 200 expressions and 59 ms after 600, against a steady 13-16 ms when they are dropped.
     */
    private void dropTempVar(SnippetEvent event) {
        Snippet snippet = event.snippet();
        if (snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND && event.status() == Snippet.Status.VALID) {
            shellEdits++;
            shell.drop(snippet);
        }
    }

    /**
     * Drops {@code snippet} from the session, so that later cells, the fast path's included, no longer see it.
     *
     * @return JShell's events: the drop, then each declaration whose status it changed
     */
    List<SnippetEvent> drop(Snippet snippet) {
        shellEdits++;
        return shell.drop(snippet);
    }

    /**
     * Expressions show a value; declarations and statements do not, as in a notebook. As in IPython, a
     * trailing semicolon silences an expression: {@code System.out.printf(...);} would otherwise show the
     * {@code PrintStream} it returns, and {@code list.add(x);} a stray {@code true}.
     */
    private static boolean showsValue(Snippet snippet) {
        return switch (snippet.kind()) {
            case EXPRESSION -> true;
            case VAR -> snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
            default -> false;
        };
    }

    /** The names {@code event}'s declaration waits for, or null when it waits for none. */
    private List<String> pending(SnippetEvent event) {
        if (event.snippet() instanceof DeclarationSnippet declaration
                && (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED)) {
            List<String> missing = shell.unresolvedDependencies(declaration).toList();
            return missing.isEmpty() ? null : missing;
        }
        return null;
    }

    /**
     * The notes a cell ends with, as jshell gives them, about the declarations it left unusable: one that refers to
     * names not declared yet, and one that compiled until this cell redefined what it builds on (an interface given
     * one more method breaks the classes implementing it; JShell keeps them, unusable, and the cell that broke them
     * says so rather than a later cell that fails to use them). Told once the cell has run, not as each
     * declaration comes: a cell may declare an interface before the records it permits, or redefine an interface
     * and then its classes, and nothing is then left waiting.
     */
    private final class Notes {
        private final List<SnippetEvent> waiting = new ArrayList<>();
        private final List<DeclarationSnippet> broken = new ArrayList<>();

        void add(List<SnippetEvent> events) {
            waiting.add(events.getFirst());
            for (SnippetEvent e : events.subList(1, events.size())) {
                if (e.causeSnippet() != null && e.snippet() instanceof DeclarationSnippet d
                        && e.previousStatus() == Snippet.Status.VALID && unusable(e.status())) {
                    broken.add(d);
                }
            }
        }

        void print() {
            for (SnippetEvent e : waiting) {
                List<String> missing = unusable(shell.status(e.snippet())) ? pending(e) : null;
                if (missing != null) {
                    System.err.print(Describe.pendingNote((DeclarationSnippet) e.snippet(), String.join(", ", missing)));
                }
            }
            broken.stream().distinct().filter(d -> unusable(shell.status(d))).forEach(d ->
                    System.err.print("note: " + Describe.declaration(d) + " no longer compiles after this change "
                            + "and cannot be used until " + CompileErrors.waitingFor(shell, d) + "\n"));
        }

        private static boolean unusable(Snippet.Status status) {
            return status == Snippet.Status.RECOVERABLE_DEFINED || status == Snippet.Status.RECOVERABLE_NOT_DEFINED;
        }
    }

    /**
     * javac's "cannot find symbol" for each name a declaration that must resolve waits for ({@code "variable
     * x"}), placed at the name's first use; the declaration is dropped, lest it be defined once the name is.
     */
    private CellException unresolved(CellCode code, int cell, CellSplitter.Unit unit, SnippetEvent event) {
        List<String> traceback = new ArrayList<>();
        String first = null;
        for (String missing : pending(event)) {
            String message = "cannot find symbol\n  symbol:   " + missing;
            first = first == null ? message : first;
            var use = Pattern.compile("\\b" + Pattern.quote(
                    missing.substring(missing.lastIndexOf(' ') + 1)) + "\\b").matcher(unit.source());
            int at = unit.offset() + (use.find() ? use.start() : 0);
            traceback.addAll(CompileErrors.describe(message, code, at, cell));
        }
        shellEdits++;
        shell.drop(event.snippet());
        return new CellException("CompilationError", first, withShellHint(traceback, unit));
    }

    private CellException compileFailure(CellCode code, int cell, CellSplitter.Unit unit, Snippet snippet) {
        var traceback = CompileErrors.describe(shell, snippet, code, unit.offset(), cell);
        if (traceback.isEmpty()) {
            return compileError(code, cell, unit, "this snippet was rejected without a reason from the compiler");
        }
        String first = traceback.getFirst();
        return new CellException("CompilationError", first.substring(first.indexOf(": ") + 2),
                withShellHint(traceback, unit));
    }

    /**
     * The traceback with a last line saying what to write instead when the failing code starts like IPython's
     * shell escape ({@code !ls -la}, {@code !!ls}), which Java reads as a negation.
     */
    private static List<String> withShellHint(List<String> traceback, CellSplitter.Unit unit) {
        Matcher escape = SHELL_ESCAPE.matcher(unit.source());
        if (!escape.lookingAt()) {
            return traceback;
        }
        List<String> hinted = new ArrayList<>(traceback);
        hinted.add("hint: ! runs no shell command in Java; write %sx " + escape.group(1).strip() + " (the lines it "
                + "prints, as a List), or start the cell with %%bash");
        return hinted;
    }

    private static CellException compileError(CellCode code, int cell, CellSplitter.Unit unit, String message) {
        var traceback = CompileErrors.describe(message, code, unit.offset(), cell);
        return new CellException("CompilationError", message, traceback);
    }

    static CellException interruption() {
        return new CellException("KeyboardInterrupt", "the cell was interrupted; variables defined before it are kept");
    }
}
