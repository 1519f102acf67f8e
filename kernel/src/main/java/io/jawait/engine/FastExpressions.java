package io.jawait.engine;

import io.jawait.magic.CellException;
import io.jawait.magic.Evaluation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.VarSnippet;
import jdk.jshell.SourceCodeAnalysis.SnippetWrapper;
import jdk.jshell.spi.ExecutionControl;

/**
 * Runs an expression cell in one javac run instead of JShell's three. For every snippet JShell parses the source,
 * analyses the wrapped snippet, then compiles it, each a javac task that ends by purging JShell's snippet package
 * from the compiler; a trivial cell spent most of its time there (JFR: 88% of the engine thread in javac). An
 * expression needs none of JShell's bookkeeping, since the engine drops the variable JShell would make of it. So
 * this class writes the snippet itself: the imports JShell would give a snippet now (read from {@code
 * SourceCodeAnalysis.wrappers} whenever JShell has evaluated or dropped something), then an interface of its own
 * whose {@code do_it$} returns the expression. It compiles that once, against the snippet classes the engine has
 * loaded, in a javac context kept from cell to cell ({@link ExpressionCompiler}), and loads and runs it through the
 * execution control JShell uses, so interrupts, output routing, the exit-call rewrite and the timing of
 * {@code %time} are unchanged. A {@code void} call is refused as a value by javac and compiled again as a
 * statement.
 *
 * <p>Whatever it is unsure of goes back to JShell untouched: a unit that does not compile here (JShell then
 * reports its own error), a unit naming a variable whose type JShell widens beyond its class file (an
 * intersection type), or a compiler it cannot reach.
 *
 * <p>Engine thread only.
 */
final class FastExpressions {
    private static final String OWN_SIMPLE = "JawaitExpression";
    private static final String OWN_PREFIX = ReplClasses.PACKAGE + "." + OWN_SIMPLE;
    private static final String PLACEHOLDER = "$JShell$DOESNOTMATTER";
    private static final String PROBE = "$jawaitProbe";
    /** The line of the class {@link #source} writes on which the expression starts, the class line being 1. */
    private static final int BODY_LINE = 4;

    private final JShell shell;
    private final KernelExecutionControl control;
    private final SnippetRuns runs;
    private final SnippetPlaces places;
    private final RuntimeErrors runtimeErrors;
    private final JShellExceptions exceptions;
    private final ExpressionCompiler compiler;
    private int count;
    private long contextEdits = -1;
    private String header;
    private List<String> widened = List.of();
    private String provisional;
    /** Where each class compiled here came from, so frames of a thread it started can be named later too. */
    private final Map<String, Origin> origins = new ConcurrentHashMap<>();

    private record Origin(String id, int firstLine, int bodyLine) {}

    private FastExpressions(JShell shell, KernelExecutionControl control, ExpressionCompiler compiler,
                            SnippetRuns runs, SnippetPlaces places, JShellExceptions exceptions) {
        this.shell = shell;
        this.control = control;
        this.compiler = compiler;
        this.runs = runs;
        this.places = places;
        this.runtimeErrors = new RuntimeErrors(shell, places);
        this.exceptions = exceptions;
    }

    /**
     * The fast path for {@code shell}, or null without a {@code compiler} or when JShell's exception translation is
     * out of reach (its package not opened to the kernel, or changed in this JDK).
     */
    static FastExpressions create(JShell shell, KernelExecutionControl control, ExpressionCompiler compiler,
                                  SnippetRuns runs, SnippetPlaces places) {
        if (control == null || compiler == null) {
            return null;
        }
        try {
            return new FastExpressions(shell, control, compiler, runs, places, JShellExceptions.of(shell));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Until {@link #shellReady}, expressions import {@code imports} (the start-up script's import lines) and
     * nothing else, without asking JShell, which has not evaluated them yet: the first cell need not wait for
     * that evaluation. Only valid while JShell holds no snippet a cell could name.
     */
    void provisionalImports(List<String> imports) {
        provisional = "package " + ReplClasses.PACKAGE + ";\n" + String.join("\n", imports) + "\n";
    }

    /** JShell has evaluated the start-up imports: from now on expressions import what JShell's snippets would. */
    void shellReady() {
        provisional = null;
        contextEdits = -1;
    }

    /**
     * Compiles and runs a trivial expression, so that the first cell finds the compiler loaded and its context
     * made; true when it ran here.
     *
     * <p>Starting that compilation earlier, on the engine thread before JShell is built (through a file manager the
     * kernel makes and hands to JShell), did not bring the first reply sooner: 0.339 s against 0.330 s, median of
     * 8 interleaved starts of installed kernels. The start is CPU-bound on 2 cores: by the first execute_reply
     * the JVM has used about 540 ms of CPU, the JIT threads 300 ms of it, and the engine thread waited on the run
     * queue as long as it ran (/proc schedstat), so an earlier start only spreads the same work.
     */
    boolean warmUp() {
        String warm = "1 + 1";
        try {
            return run(CellCode.whole(warm), 0, new CellSplitter.Unit(warm, 0), warm, contextEdits, () -> false) != null;
        } catch (CellException e) {
            return false;
        }
    }

    static boolean isOwn(String binaryName) {
        return binaryName.startsWith(OWN_PREFIX);
    }

    /**
     * Runs {@code expression}, the expression unit {@code unit} of cell {@code cell} is ({@link
     * ExpressionUnit#expression}); {@code edits} counts the evaluations and drops JShell has made so far, so
     * that what JShell's snippets import is read again only when it may have changed.
     *
     * @return what it was worth, or null when nothing ran and JShell should evaluate the unit instead
     * @throws CellException for an exception from the cell's code, or an interrupt
     */
    Evaluation run(CellCode code, int cell, CellSplitter.Unit unit, String expression, long edits,
                   BooleanSupplier interrupted) throws CellException {
        if (compiler.broken() || !context(edits) || widened.stream().anyMatch(expression::contains)) {
            return null;
        }
        int number = ++count;
        String className = ReplClasses.PACKAGE + "." + OWN_SIMPLE + number;
        Map<String, byte[]> compiled = compiler.compile(className, source(number, expression, false));
        if (compiled == null && compiler.refusedVoid()) {
            compiled = compiler.compile(className, source(number, expression, true));
        }
        if (compiled == null) {
            return null;
        }
        boolean voidValue = compiler.valueIsVoid();
        var classes = compiled.entrySet().stream()
                .map(c -> new ExecutionControl.ClassBytecodes(c.getKey(), c.getValue()))
                .toArray(ExecutionControl.ClassBytecodes[]::new);
        try {
            if (classes.length == 1 && straightLine(expression)) {
                control.loadWithoutStopChecks(classes);
            } else {
                control.load(classes);
            }
        } catch (ExecutionControl.ExecutionControlException e) {
            return null;
        }
        String id = "x" + number;
        places.put(id, new SnippetPlaces.Place(cell, code, unit.offset()));
        int firstLine = SnippetPlaces.lineOf(unit.source(), unit.source().indexOf(expression));
        int bodyLine = SnippetPlaces.lineOf(header, header.length()) + BODY_LINE - 1;
        origins.put(className, new Origin(id, firstLine, bodyLine));
        String text;
        // as in JShell's own evaluation, the code runs even when an interrupt came while it compiled: the engine
        // repeats JShell's stop until the cell ends, and only a stop that lands while snippet code runs raises
        // the flag that the cell's busy threads check
        try {
            text = control.invoke(className, "do_it$");
        } catch (ExecutionControl.UserException | ExecutionControl.ResolutionException e) {
            if (interrupted.getAsBoolean()) {
                throw CellEvaluator.interruption();
            }
            throw runtimeErrors.error(exceptions.translate(e,
                    frame -> ownFrame(frame, className, id, firstLine, bodyLine)));
        } catch (ExecutionControl.StoppedException e) {
            throw CellEvaluator.interruption();
        } catch (ExecutionControl.ExecutionControlException e) {
            throw new CellException("InternalError", "the engine could not run this cell: " + e.getMessage());
        }
        if (interrupted.getAsBoolean()) {
            throw CellEvaluator.interruption();
        }
        Object value = runs.lastValue();
        boolean hasValue = value != CellValue.NONE && !voidValue && !unit.silenced() && text != null;
        return new Evaluation(hasValue, hasValue ? value : null, hasValue ? text : null, 0, 0);
    }

    /**
     * Whether {@code expression} compiles to {@code do_it$} alone, with no loop: it has no block (a switch's, an
     * anonymous class's, a lambda's), no lambda, and no method reference, which javac may also turn into a method
     * of the class. A brace in a string literal only makes it say no.
     */
    static boolean straightLine(String expression) {
        return expression.indexOf('{') < 0 && !expression.contains("->") && !expression.contains("::");
    }

    /**
     * Reads again, when JShell has evaluated or dropped something since the last read, what a snippet compiled
     * now would import, and which variables JShell types beyond their class files; false when JShell gives no
     * wrapper to read them from.
     */
    private boolean context(long edits) {
        if (provisional != null) {
            header = provisional;
            widened = List.of();
            return true;
        }
        if (edits == contextEdits) {
            return true;
        }
        List<SnippetWrapper> wrappers = shell.sourceCodeAnalysis().wrappers("int " + PROBE + " = 0;");
        String wrapped = wrappers.size() == 1 ? wrappers.getFirst().wrapped() : "";
        int at = wrapped.indexOf("class " + PLACEHOLDER);
        if (at < 0) {
            return false;
        }
        header = wrapped.substring(0, at);
        // JShell declares a variable of an intersection type (var x = flag ? 1 : "one";) with one of its bounds
        // in the class file and gives its own compilations the whole type; compiled here, a unit naming it could
        // pick another overload
        widened = shell.variables().filter(v -> shell.status(v).isActive() && v.typeName().indexOf('&') >= 0)
                .map(VarSnippet::name).toList();
        contextEdits = edits;
        return true;
    }

    /**
     * The class for expression number {@code number}: the imports JShell would give it, then a {@code do_it$}
     * returning its value (or, for a {@code void} call, running it). The expression starts at the start of a
     * line ({@link #BODY_LINE}) and its statement ends on a line of its own, after any line comment.
     */
    private String source(int number, String expression, boolean statement) {
        return header + "interface " + OWN_SIMPLE + number + " {\n"
                + "    static java.lang.Object do_it$() throws java.lang.Throwable {\n"
                + (statement
                        ? "\n" + expression + "\n        ;\n        return io.jawait.engine.CellValue.NONE;\n"
                        : "        return\n" + expression + "\n        ;\n")
                + "    }\n}\n";
    }

    /** Words the exceptions that threads of cell code die of, naming frames of the classes compiled here too. */
    ThreadFailures threadFailures() {
        return new ThreadFailures(exceptions, runtimeErrors, frame -> {
            String owner = frame.getClassName();
            if (!isOwn(owner)) {
                return null;
            }
            int nested = owner.indexOf('$', OWN_PREFIX.length());
            String className = nested < 0 ? owner : owner.substring(0, nested);
            Origin origin = origins.get(className);
            return origin == null ? null
                    : ownFrame(frame, className, origin.id(), origin.firstLine(), origin.bodyLine());
        });
    }

    /**
     * A frame of the class compiled here, as JShell shows its own: no class name, the snippet's id and the line
     * of the unit, whose expression starts on unit line {@code firstLine} and class line {@code bodyLine}.
     */
    private static StackTraceElement ownFrame(StackTraceElement frame, String className, String id, int firstLine,
                                              int bodyLine) {
        String owner = frame.getClassName();
        if (!owner.equals(className) && !owner.startsWith(className + "$")) {
            return null;
        }
        String nested = owner.length() > className.length() ? owner.substring(className.length() + 1) : "";
        String method = frame.getMethodName().equals("do_it$") ? "" : frame.getMethodName();
        int line = Math.max(1, firstLine + frame.getLineNumber() - bodyLine);
        return new StackTraceElement(nested, method, "#" + id, line);
    }
}
