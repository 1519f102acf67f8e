package io.jawait.magic;

import io.jawait.timing.TimedLoop;
import io.jawait.timing.TimeitResult;
import io.jawait.timing.TimeitRunner;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code %timeit} and {@code %%timeit}: compiles the statement once inside its own loop class, auto-ranges
 * the loops, warms up, measures, and prints IPython's line; {@code -o} returns the {@link TimeitResult}.
 */
final class TimeitMagic implements Magic {
    static final String LINE_USAGE = "%timeit [-n N] [-r R] [-w W] [-p P] [-q] [-o] statement";
    static final String CELL_USAGE = "%%timeit [-n N] [-r R] [-w W] [-p P] [-q] [-o] [setup]\\n<statements>";
    static final int DEFAULT_RUNS = 7;
    static final int DEFAULT_WARMUPS = 2;
    private static final long COMPILE_SHOWN_FROM_NANOS = 100_000_000L;

    @Override
    public Evaluation run(Invocation call, MagicContext ctx) throws CellException {
        Options o = Options.parse(call, call.args(), "nrwp", "qo");
        long loops = o.number(call, 'n', 0, 1, Long.MAX_VALUE);
        int runs = (int) o.number(call, 'r', DEFAULT_RUNS, 1, 100_000);
        int warmups = (int) o.number(call, 'w', DEFAULT_WARMUPS, 0, 100_000);
        int precision = (int) o.number(call, 'p', 3, 1, 17);
        String setup = call.isCell() ? o.rest() : "";
        String statement = call.isCell() ? call.body() : o.rest();
        if (statement.isBlank()) {
            throw call.usage("nothing to time: give a statement (use ';' to time an empty statement). Usage: "
                    + (call.isCell() ? CELL_USAGE : LINE_USAGE).replace("\\n", " / "));
        }
        Evaluation compiled = compile(call, new TimeitSource(setup, statement), ctx);
        TimeitResult result = measure(new TimeitRunner(loops, runs, warmups), compiled);
        if (!o.has('q')) {
            StringBuilder text = new StringBuilder();
            result.slowRunWarning().ifPresent(w -> text.append(w).append('\n'));
            text.append(result.format(precision)).append('\n');
            if (compiled.compileNanos() > COMPILE_SHOWN_FROM_NANOS) {
                text.append(String.format(Locale.ROOT, "Compiler time: %.2f s%n", compiled.compileNanos() / 1e9));
            }
            ctx.out().stdout(text.toString());
        }
        return o.has('o') ? new Evaluation(true, result, result.toString(), 0, 0) : null;
    }

    private static Evaluation compile(Invocation call, TimeitSource source, MagicContext ctx) throws CellException {
        if (source.mayHaveValue()) {
            try {
                return check(call, ctx.eval(source.source(true)));
            } catch (CellException notAnExpression) {
                // a void call or a declaration: time it as a plain statement below
            }
        }
        try {
            return check(call, ctx.eval(source.source(false)));
        } catch (CellException e) {
            throw new CellException(e.ename(), call.display() + ": the statement does not compile or set up: "
                    + e.getMessage(), e.traceback());
        }
    }

    private static Evaluation check(Invocation call, Evaluation ev) throws CellException {
        if (ev == null || !(ev.value() instanceof TimedLoop)) {
            throw new CellException("InternalError", call.display() + ": the engine did not return the timing "
                    + "loop object; is the kernel's jar on JShell's class path?");
        }
        return ev;
    }

    private static TimeitResult measure(TimeitRunner runner, Evaluation compiled) throws CellException {
        try {
            return runner.run((TimedLoop) compiled.value(), compiled.compileNanos());
        } catch (InterruptedException e) {
            throw new CellException("KeyboardInterrupt", "timing interrupted");
        } catch (Throwable t) {
            List<String> trace = Arrays.stream(t.getStackTrace())
                    .filter(f -> !f.getClassName().startsWith("io.jawait."))
                    .map(f -> "    at " + f).toList();
            var lines = new java.util.ArrayList<String>();
            lines.add(t.getClass().getName() + ": " + t.getMessage());
            lines.addAll(trace);
            throw new CellException(t.getClass().getName(), String.valueOf(t.getMessage()), lines);
        }
    }
}
