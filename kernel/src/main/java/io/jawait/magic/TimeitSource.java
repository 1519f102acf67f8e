package io.jawait.magic;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Java source of one {@code %timeit}: a class of its own implementing
 * {@link io.jawait.timing.TimedLoop} whose loop holds the statement itself (DESIGN.md §5: a shared loop
 * calling lambdas turns megamorphic), with the value of its last expression fed to a blackhole.
 */
final class TimeitSource {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String className = "$Timeit" + COUNTER.incrementAndGet();
    private final String setup;
    private final String prefix;
    private final String last;

    TimeitSource(String setup, String statement) {
        // comments go first: one after the statement would swallow what the loop appends to it, and one after
        // its ';' would hide the value to consume, leaving the JIT free to delete the work
        this.setup = JavaText.terminated(JavaText.withoutComments(setup));
        String body = JavaText.withoutComments(statement).strip();
        while (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1).strip();
        }
        int cut = JavaText.lastBoundary(body);
        this.prefix = body.substring(0, cut).strip();
        this.last = body.substring(cut).strip();
    }

    /** True when the statement ends in something that could be an expression whose value to consume. */
    boolean mayHaveValue() {
        return !last.isEmpty();
    }

    /**
     * The class definition, consuming the last value or not, then a block creating one instance: JShell
     * accepts a class with unresolved names as pending, and only using it reports them.
     */
    String source(boolean consume) {
        String loopBody = consume
                ? prefix + "\n            $bh.consume(" + last + ");"
                : JavaText.terminated(prefix + "\n" + last);
        String name = className + (consume ? "v" : "s");
        return "public class " + name + " implements io.jawait.timing.TimedLoop {\n"
                + "    private final io.jawait.timing.Blackhole $bh = new io.jawait.timing.Blackhole();\n"
                + "    public long timeLoops(long $loops) throws Throwable {\n"
                + "        " + setup + "\n"
                + "        long $start = System.nanoTime();\n"
                + "        for (long $i = 0; $i < $loops; $i++) {\n"
                + "            io.jawait.timing.TimedLoop.checkpoint();\n"
                + "            " + loopBody + "\n"
                + "        }\n"
                + "        return System.nanoTime() - $start;\n"
                + "    }\n"
                + "}\n"
                + "{ new " + name + "(); }\n";
    }

    /** This source compiled one way, ready to measure. */
    Compiled compiled(boolean consume, long compileNanos) {
        return new Compiled(className + (consume ? "v" : "s"), compileNanos);
    }

    /**
     * A compiled loop class. Its driver snippet measures inside the engine like any cell, so interrupt stops it
     * and the statement's output and exceptions reach the cell. It hands the runner the loop as JShell loaded
     * it (with stop checks everywhere) and the engine's copy without them in the statement, defined from the
     * driver's own lookup since only a class in JShell's package may define a hidden class there.
     */
    record Compiled(String className, long compileNanos) {
        String driver(long loops, int runs, int warmups) {
            return "new io.jawait.timing.TimeitRunner(" + loops + "L, " + runs + ", " + warmups + ").run(new "
                    + className + "(), io.jawait.engine.MeasuredCopies.of(java.lang.invoke.MethodHandles.lookup(), "
                    + className + ".class), " + compileNanos + "L)";
        }
    }
}
