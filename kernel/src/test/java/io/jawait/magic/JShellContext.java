package io.jawait.magic;

import io.jawait.display.CellOutput;
import java.io.File;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * A MagicContext over a plain local JShell, standing in for the engine in unit tests: it splits cells with
 * analyzeCompletion, reports compile errors and exceptions as CellExceptions, and hands back raw values
 * through {@link ValueHolder}. Compile and run time are not separated: all of it counts as execution.
 */
final class JShellContext implements MagicContext, AutoCloseable {
    final JShell shell;
    final RecordingOutput out = new RecordingOutput();

    JShellContext() {
        shell = JShell.builder().executionEngine("local").build();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            shell.addToClasspath(entry);
        }
    }

    @Override
    public Evaluation eval(String code) throws CellException {
        long start = System.nanoTime();
        SnippetEvent last = null;
        String rest = code;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
            String source = info.source() != null ? info.source() : rest;
            for (SnippetEvent e : shell.eval(source)) {
                check(e);
                if (e.causeSnippet() == null) {
                    last = e;
                }
            }
            rest = info.source() != null ? info.remaining() : "";
        }
        long nanos = System.nanoTime() - start;
        String name = last == null || last.value() == null ? null
                : last.snippet() instanceof jdk.jshell.VarSnippet v ? v.name()
                : last.snippet() instanceof jdk.jshell.ExpressionSnippet x ? x.name() : null;
        if (name == null) {
            return new Evaluation(false, null, null, 0, nanos);
        }
        shell.eval(ValueHolder.class.getName() + ".value = " + name + ";");
        return new Evaluation(true, ValueHolder.value, last.value(), 0, nanos);
    }

    private void check(SnippetEvent e) throws CellException {
        if (e.status() == Snippet.Status.REJECTED) {
            String diags = shell.diagnostics(e.snippet()).map(d -> d.getMessage(null))
                    .collect(Collectors.joining("; "));
            throw new CellException("CompilationError", diags.isEmpty() ? "rejected: " + e.snippet().source() : diags);
        }
        if (e.exception() != null) {
            String name = e.exception() instanceof jdk.jshell.EvalException ee ? ee.getExceptionClassName()
                    : e.exception().getClass().getName();
            String message = e.exception() instanceof jdk.jshell.UnresolvedReferenceException u
                    ? "unresolved: " + shell.unresolvedDependencies(u.getSnippet()).collect(Collectors.joining(", "))
                    : String.valueOf(e.exception().getMessage());
            throw new CellException(name, message);
        }
    }

    @Override
    public CellOutput out() { return out; }

    @Override
    public java.util.List<Variable> variables() {
        return shell.variables().filter(v -> shell.status(v) == Snippet.Status.VALID && !v.name().startsWith("$"))
                .map(v -> new Variable(v.name(), v.typeName(), () -> shell.varValue(v))).toList();
    }

    /** What {@link #history} answers; tests set it. */
    CellHistory history = new CellHistory(java.util.List.of(), null);

    @Override
    public CellHistory history() { return history; }

    /** What the last {@link #setNextInput} was given, or null. */
    String nextInput;
    boolean nextInputReplaces;

    @Override
    public void setNextInput(String text, boolean replace) {
        nextInput = text;
        nextInputReplaces = replace;
    }

    @Override
    public boolean deleteVariable(String name) {
        var found = shell.variables().filter(v -> v.name().equals(name) && shell.status(v).isActive()).toList();
        found.forEach(shell::drop);
        return !found.isEmpty();
    }

    @Override
    public void deleteUserNames() {
        shell.snippets().filter(s -> s instanceof jdk.jshell.PersistentSnippet && shell.status(s).isActive())
                .toList().reversed().forEach(shell::drop);
    }

    @Override
    public void addToClasspath(Path path) { shell.addToClasspath(path.toString()); }

    @Override
    public void bind(String type, String name, Object value) throws CellException {
        ValueHolder.value = value;
        Class<?> c = value.getClass();
        String declared = type.equals("var")
                ? (Modifier.isPublic(c.getModifiers()) ? c.getCanonicalName() : "Object") : type;
        eval(type + " " + name + " = (" + declared + ") " + ValueHolder.class.getName() + ".value;");
    }

    /** Runs {@code cell} through {@code runner} and returns the result. */
    Evaluation run(MagicRunner runner, String cell) throws CellException {
        return runner.run(cell, this);
    }


    @Override
    public void close() { shell.close(); }
}
