package io.jawait.magic;

import io.jawait.timing.TimeitResult;
import io.jawait.timing.TimeitRunner;
import java.util.Locale;
import java.util.function.IntUnaryOperator;

/**
 * {@code %timeit} and {@code %%timeit}: compiles the statement once inside its own loop class, auto-ranges
 * the loops, warms up, measures, and prints IPython's line; {@code -o} returns the {@link TimeitResult}.
 */
final class TimeitMagic implements Magic {
    static final String LINE_USAGE = "%timeit [-n N] [-r R] [-w W] [-p P] [-q] [-o] [-f] statement";
    static final String CELL_USAGE = "%%timeit [-n N] [-r R] [-w W] [-p P] [-q] [-o] [-f] [setup]\n<statements>";
    static final int DEFAULT_RUNS = 7;
    static final int DEFAULT_WARMUPS = TimeitRunner.AUTO_WARMUP;
    private static final long COMPILE_SHOWN_FROM_NANOS = 100_000_000L;
    private static final String VALUED_OPTIONS = "nrwp";
    private static final String FLAG_OPTIONS = "qof";

    @Override
    public Evaluation run(Invocation call, MagicContext ctx) throws CellException {
        Options o = Options.parse(call, call.args(), VALUED_OPTIONS, FLAG_OPTIONS);
        // 0 loops asks for the automatic count, and precision 0 prints one digit, as in IPython (Python's %g)
        long loops = o.number(call, 'n', 0, 0, Long.MAX_VALUE);
        int runs = (int) o.number(call, 'r', DEFAULT_RUNS, 1, 100_000);
        int warmups = (int) o.number(call, 'w', DEFAULT_WARMUPS, 0, 100_000);
        int precision = Math.max(1, (int) o.number(call, 'p', 3, 0, 17));
        String statement = call.isCell() ? call.body() : o.rest();
        if (statement.isBlank()) {
            throw call.usage("nothing to time: give a statement (use ';' to time an empty statement). Usage: "
                    + (call.isCell() ? CELL_USAGE : LINE_USAGE).replace("\n", " / "));
        }
        // spliced into the loop's source, a statement closing a brace it did not open would end the loop itself
        if (!JavaText.bracesBalance(statement)) {
            throw call.usage("the statement's braces { } do not pair up");
        }
        if (call.isCell() && !JavaText.bracesBalance(o.rest())) {
            throw call.usage("the setup line's braces { } do not pair up");
        }
        TimeitSource source = call.isCell()
                ? new TimeitSource(o.rest(), restInCell(call, o), statement, call.bodyInCell())
                : new TimeitSource("", null, statement, restInCell(call, o));
        TimeitResult result = o.has('f') ? TimeitFork.run(call, source, new TimeitRunner(loops, runs, warmups), ctx)
                : inKernel(call, source, loops, runs, warmups, ctx);
        if (!o.has('q')) {
            ctx.out().stdout(report(result, precision));
        }
        return o.has('o') ? new Evaluation(true, result, result.toString(), 0, 0) : null;
    }

    /** The statement (the setup of {@code %%timeit}) starts after the options. */
    @Override
    public int codeStart(String args) {
        return Options.restStart(args, VALUED_OPTIONS, FLAG_OPTIONS);
    }

    @Override
    public boolean bodyIsJava() {
        return true;
    }

    /** What IPython prints: the warning if any, the line, and the compile time when noticeable. */
    static String report(TimeitResult result, int precision) {
        StringBuilder text = new StringBuilder();
        result.slowRunWarning().ifPresent(w -> text.append(w).append('\n'));
        text.append(result.format(precision)).append('\n');
        if (result.compileNanos() > COMPILE_SHOWN_FROM_NANOS) {
            text.append(String.format(Locale.ROOT, "Compiler time: %.2f s%n", result.compileNanos() / 1e9));
        }
        return text.toString();
    }

    /** Where each position of what follows the options is in the cell, or null when not known. */
    private static IntUnaryOperator restInCell(Invocation call, Options o) {
        return call.argsInCell(call.args().length() - o.rest().length());
    }

    /** Compiles the loop class in the session and measures it there, as a cell runs. */
    private static TimeitResult inKernel(Invocation call, TimeitSource source, long loops, int runs, int warmups,
                                         MagicContext ctx) throws CellException {
        TimeitSource.Compiled loop = compile(call, source, consume -> {
            TimeitSource.Generated text = source.source(consume);
            return source.compiled(consume, ctx.evalResolved(text.text(), text.toCell()).compileNanos());
        });
        Evaluation measured = ctx.eval(loop.driver(loops, runs, warmups));
        if (!(measured.value() instanceof TimeitResult result)) {
            throw new CellException("InternalError", call.display() + ": the engine did not return the timing "
                    + "result; is the kernel's jar on JShell's class path?");
        }
        return result;
    }

    /** Compiles a loop class one way: consuming the last value as an expression, or not. */
    @FunctionalInterface
    interface LoopCompiler<T> {
        T compile(boolean consume) throws CellException;
    }

    /**
     * Compiles the loop class with {@code compiler}, consuming the last value when it is an expression, else
     * as a plain statement; when neither compiles, reports the more telling of the two errors.
     */
    static <T> T compile(Invocation call, TimeitSource source, LoopCompiler<T> compiler) throws CellException {
        CellException asExpression = null;
        if (source.mayHaveValue()) {
            try {
                return compiler.compile(true);
            } catch (CellException e) {
                asExpression = e; // a void call or a declaration: try it as a plain statement
            }
        }
        try {
            return compiler.compile(false);
        } catch (CellException e) {
            CellException shown = asExpression != null && e.getMessage().contains("not a statement") ? asExpression : e;
            throw new CellException(shown.ename(), call.display() + ": the statement does not compile: "
                    + leaving(shown.getMessage()), shown.traceback().stream().map(TimeitMagic::leaving).toList());
        }
    }

    /** javac's words for a statement that would leave the loop (see TimeitSource's fence), in the user's terms. */
    static String leaving(String text) {
        return text.replaceAll("attempt to (break|continue|return) out of a switch expression",
                "'$1' would leave the loop that %timeit runs the statement in");
    }
}
