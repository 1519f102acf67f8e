package io.jawait.engine;

import io.jawait.display.CellOutput;
import io.jawait.display.CurrentOutput;
import io.jawait.display.MimeBundle;
import io.jawait.magic.CellException;
import io.jawait.magic.Evaluation;
import io.jawait.magic.MagicContext;
import io.jawait.protocol.ExecuteOutcome;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import jdk.jshell.JShell;

/** What the engine offers a magic while it runs one cell; used on the engine thread only. */
final class EngineMagicContext implements MagicContext {
    private static final Pattern NAME = Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*");

    private final JShell shell;
    private final KernelExecutionControl control;
    private final CellEvaluator evaluator;
    private final CellOutput out;
    /** Where {@link #out()} goes while {@link #redirected} runs, else null. */
    private CellOutput redirect;
    private final String cellText;
    private final int cell;
    private final BooleanSupplier interrupted;
    private final Session session;

    /**
     * What the interpreter keeps across cells that a magic may read or add to.
     *
     * @param history       the cells kept, as this cell sees them
     * @param payloads      takes what {@link #setNextInput} and {@link #page} ask of the front end
     * @param completer     answers {@link #help}
     * @param lastTraceback gives {@link #lastTraceback}
     * @param lastResult    gives {@link #lastResult}
     * @param classPath     what {@link #addToClasspath} added, in order; it adds to this list
     */
    record Session(CellHistory history, Consumer<ExecuteOutcome.Payload> payloads, Completer completer,
                   Supplier<List<String>> lastTraceback, Supplier<String> lastResult, List<Path> classPath) {}

    /**
     * For cell number {@code cell}, whose text is {@code cellText}, in {@code session}.
     */
    EngineMagicContext(JShell shell, KernelExecutionControl control, CellEvaluator evaluator, CellOutput out,
                       String cellText, int cell, BooleanSupplier interrupted, Session session) {
        this.shell = shell;
        this.control = control;
        this.evaluator = evaluator;
        this.out = out;
        this.cellText = cellText;
        this.cell = cell;
        this.interrupted = interrupted;
        this.session = session;
    }

    @Override
    public boolean interrupted() {
        return interrupted.getAsBoolean() || Thread.currentThread().isInterrupted();
    }

    @Override
    public Evaluation redirected(CellOutput into, String code, boolean keepValue, Work work) throws CellException {
        CellOutput before = redirect;
        redirect = into;
        CurrentOutput.set(into);
        try {
            Evaluation e = work.run();
            MimeBundle shown = keepValue ? Outcomes.resultBundle(code, e) : null;
            if (shown != null) {
                into.display(shown, null, false);
            }
            return e;
        } finally {
            System.out.flush();
            System.err.flush();
            StdStreams.cellEnded(into);
            redirect = before;
            CurrentOutput.set(out());
        }
    }

    @Override
    public Evaluation eval(String code) throws CellException {
        return evaluator.run(code, cell, interrupted);
    }

    @Override
    public Evaluation eval(String code, IntUnaryOperator toCell) throws CellException {
        return evaluator.run(placed(code, toCell, false), cell, interrupted);
    }

    @Override
    public Evaluation evalResolved(String code, IntUnaryOperator toCell) throws CellException {
        return evaluator.run(placed(code, toCell, true), cell, interrupted);
    }

    @Override
    public Measured evalMeasured(String code, IntUnaryOperator toCell) throws CellException {
        return evaluator.runMeasured(placed(code, toCell, false), cell, interrupted);
    }

    @Override
    public Evaluation evalFile(String code, String file) throws CellException {
        return evaluator.run(CellCode.ofFile(code, file), cell, interrupted);
    }

    private CellCode placed(String code, IntUnaryOperator toCell, boolean mustResolve) {
        return toCell == null ? new CellCode(code, code, IntUnaryOperator.identity(), mustResolve, null)
                : new CellCode(code, cellText, toCell, mustResolve, null);
    }

    @Override
    public CellOutput out() {
        return redirect != null ? redirect : out;
    }

    @Override
    public List<Variable> variables() {
        var variables = new SessionVariables(shell, control);
        return variables.active()
                .map(v -> new Variable(v.name(), SessionVariables.type(v), () -> variables.info(v)))
                .toList();
    }

    @Override
    public CellHistory history() {
        return session.history();
    }

    @Override
    public void setNextInput(String text, boolean replace) {
        session.payloads().accept(new ExecuteOutcome.Payload.NextInput(text, replace));
    }

    @Override
    public Help help(String name) {
        return session.completer().help(name);
    }

    @Override
    public void page(String text) {
        if (redirect != null) {
            // inside %%capture: the page is output like any other, kept out of the notebook
            MagicContext.super.page(text);
        } else {
            session.payloads().accept(new ExecuteOutcome.Payload.Page(MimeBundle.of("text/plain", text)));
        }
    }

    @Override
    public List<String> lastTraceback() {
        return session.lastTraceback().get();
    }

    @Override
    public String lastResult() {
        return session.lastResult().get();
    }

    @Override
    public boolean deleteVariable(String name) {
        return new UserDeclarations(shell, control, evaluator).dropVariable(name);
    }

    @Override
    public void deleteUserNames() {
        new UserDeclarations(shell, control, evaluator).dropAll();
    }

    @Override
    public void addToClasspath(Path path) throws CellException {
        if (!Files.exists(path)) {
            throw new CellException("FileNotFoundError", "cannot add " + path + " to the class path: no such file");
        }
        // JShell sets the class path to java.class.path plus all it was given, which replaces the path the kernel
        // gave the compiler at start (KernelClassPath): give that again; javac ignores an entry seen before
        shell.addToClasspath(KernelClassPath.location() + File.pathSeparator + path.toAbsolutePath());
        session.classPath().add(path.toAbsolutePath());
    }

    @Override
    public Standalone compileStandalone(String className, String source, IntUnaryOperator toCell)
            throws CellException {
        List<Path> classPath = new ArrayList<>();
        classPath.add(KernelClassPath.location());
        classPath.addAll(session.classPath());
        CellCode placed = toCell == null ? null : new CellCode(source, cellText, toCell, false, null);
        return StandaloneCompiler.compile(shell, classPath, className, placed != null ? placed : CellCode.whole(source),
                cell);
    }

    @Override
    public void bind(String type, String name, Object value) throws CellException {
        if (!NAME.matcher(name).matches()) {
            throw new CellException("UsageError", "'" + name + "' is not a Java variable name");
        }
        if (value == null && type.equals("var")) {
            throw new CellException("UsageError", "cannot declare 'var " + name + "' for a null value: give a type");
        }
        // the result's own class by its simple name (TimeitResult t = %timeit -o ...) need not be imported
        String declared = value != null && type.equals(value.getClass().getSimpleName())
                && value.getClass().getCanonicalName() != null ? value.getClass().getCanonicalName() : type;
        String cast = declared.equals("var") ? Bindings.nameableType(value) : declared;
        String key = Bindings.park(value);
        try {
            if (value != null && !declared.equals("var") && !fits(key, declared)) {
                // checked first: the declaration would fail only at run time, after replacing any earlier variable
                throw new CellException("UsageError", "the magic's value is a " + value.getClass().getName()
                        + ", which '" + type + " " + name + "' cannot hold; declare 'var " + name + "' or '"
                        + value.getClass().getSimpleName() + " " + name + "'");
            }
            evaluator.run(declared + " " + name + " = (" + cast + ") io.jawait.engine.Bindings.take(\"" + key + "\");",
                    cell, interrupted);
        } finally {
            Bindings.discard(key);
        }
    }

    /**
     * Whether the value parked under {@code key} fits a variable of type {@code declared}. A type JShell cannot
     * resolve counts as fitting: the declaration then fails with javac's own error, which names it.
     */
    private boolean fits(String key, String declared) {
        try {
            Evaluation fits = evaluator.run("io.jawait.engine.Bindings.fits(\"" + key + "\", " + erasure(declared)
                    + ".class)", cell, interrupted);
            return !fits.hasValue() || !Boolean.FALSE.equals(fits.value());
        } catch (CellException e) {
            return true;
        }
    }

    /** {@code type} without its type arguments: {@code Map<String, List<Integer>>[]} gives {@code Map[]}. */
    static String erasure(String type) {
        var b = new StringBuilder();
        int depth = 0;
        for (char ch : type.toCharArray()) {
            if (ch == '<') {
                depth++;
            } else if (ch == '>') {
                depth--;
            } else if (depth == 0) {
                b.append(ch);
            }
        }
        return b.toString().strip();
    }
}
