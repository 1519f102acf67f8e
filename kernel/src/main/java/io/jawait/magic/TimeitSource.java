package io.jawait.magic;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * The Java source of one {@code %timeit}: a class of its own implementing
 * {@link io.jawait.timing.TimedLoop} whose loop holds the statement itself (DESIGN.md §5: a shared loop
 * calling lambdas turns megamorphic), with the value of its last expression fed to a blackhole. Each piece of
 * the user's code in it knows where it came from in the cell, so compile errors and stack traces point there.
 */
final class TimeitSource {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String className = "$Timeit" + COUNTER.incrementAndGet();
    private final Piece setup;
    private final Piece prefix;
    private final Piece last;

    /** A piece of the user's code, and where its first character is in the cell (-1: not known). */
    private record Piece(String text, int cellAt) {
        /** The piece of {@code code} from {@code from} to {@code to}, without the whitespace around it. */
        static Piece of(String code, int from, int to, IntUnaryOperator toCell) {
            String part = code.substring(from, to);
            int lead = part.length() - part.stripLeading().length();
            return new Piece(part.strip(), toCell == null ? -1 : toCell.applyAsInt(from + lead));
        }
    }

    /** Source whose place in the cell is not known. */
    TimeitSource(String setup, String statement) {
        this(setup, null, statement, null);
    }

    /** With {@code setupInCell} and {@code statementInCell} (either may be null) placing them in the cell. */
    TimeitSource(String setup, IntUnaryOperator setupInCell, String statement, IntUnaryOperator statementInCell) {
        // comments become spaces first: one after the statement would swallow what the loop appends to it, and
        // one after its ';' would hide the value to consume, leaving the JIT free to delete the work
        String plainSetup = JavaText.withoutComments(setup);
        this.setup = Piece.of(plainSetup, 0, plainSetup.length(), setupInCell);
        String body = JavaText.withoutComments(statement).stripTrailing();
        while (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1).stripTrailing();
        }
        int cut = JavaText.lastBoundary(body);
        this.prefix = Piece.of(body, 0, cut, statementInCell);
        this.last = Piece.of(body, cut, body.length(), statementInCell);
    }

    /** True when the statement ends in something that could be an expression whose value to consume. */
    boolean mayHaveValue() {
        return !last.text().isEmpty();
    }

    /** The source of the loop class, and where each of its positions is in the cell (null when not known). */
    record Generated(String text, IntUnaryOperator toCell) {}

    /**
     * The class definition, consuming the last value or not, then a block creating one instance: JShell
     * accepts a class with unresolved names as pending, and only using it reports them.
     */
    Generated source(boolean consume) {
        return source(consume, true);
    }

    /**
     * The class definition alone, as a compilation unit of its own declares it ({@code %timeit -f}). Without setup,
     * the statement is a method of its own that the loop calls, as JMH's loop calls a benchmark method: in a fresh
     * JVM, a statement with loops of its own inlined into the timing loop's body ran bimodally (an ArrayList of
     * 1,000 ints filled and summed: 3.0 or 4.7 us per loop, from one fork to the next, as C2 recompiled the loop
     * nest after loop-predication traps, which disable that optimization for the whole method), and at 3.0 us in
     * every fork as a method of its own. With setup the statement stays in the loop, where it sees the setup's
     * local variables.
     */
    Generated classSource(boolean consume) {
        return source(consume, false);
    }

    private Generated source(boolean consume, boolean instance) {
        String name = className(consume);
        boolean ownMethod = !instance && setup.text().isEmpty();
        var out = new Writer();
        out.add("public class " + name + " implements io.jawait.timing.TimedLoop {\n"
                + "    private final io.jawait.timing.Blackhole $bh = new io.jawait.timing.Blackhole();\n"
                + "    public long timeLoops(long $loops) throws Throwable {\n        ");
        out.add(setup);
        out.add(JavaText.terminated(setup.text()).substring(setup.text().length()));
        out.add("\n        long $start = System.nanoTime();\n"
                + "        for (long $i = 0; $i < $loops; $i++) {\n"
                + "            io.jawait.timing.TimedLoop.checkpoint();\n");
        if (ownMethod) {
            out.add("            $statement();\n        }\n"
                    + "        return System.nanoTime() - $start;\n"
                    + "    }\n"
                    + "    private void $statement() throws Throwable {\n");
        }
        // a fence javac folds away: a break, continue or return in the statement cannot leave a switch
        // expression, so it is a compile error instead of a loop cut short and a time divided by loops
        // that never ran (the if keeps the yield reachable after such a statement: one error, not two)
        out.add("            int $fence = switch (0) { default -> { if (true) {\n            ");
        out.add(prefix);
        if (consume) {
            out.add("\n            $bh.consume(");
            out.add(last);
            out.add(");");
        } else {
            out.add("\n");
            out.add(last);
            String both = prefix.text() + "\n" + last.text();
            out.add(JavaText.terminated(both).substring(both.strip().length()));
        }
        out.add("\n            } yield 0; } };\n"
                + (ownMethod ? "" : "        }\n        return System.nanoTime() - $start;\n")
                + "    }\n"
                + "}\n"
                + (instance ? "{ new " + name + "(); }\n" : ""));
        return new Generated(out.text.toString(), out.placed ? out::toCell : null);
    }

    /** The source as it is written, with the pieces of the user's code in it. */
    private static final class Writer {
        private final StringBuilder text = new StringBuilder();
        // {start in text, length, start in cell} of each piece placed in the cell
        private final List<int[]> pieces = new ArrayList<>();
        private boolean placed;

        void add(String scaffolding) {
            text.append(scaffolding);
        }

        void add(Piece piece) {
            if (piece.cellAt() >= 0 && !piece.text().isEmpty()) {
                pieces.add(new int[] {text.length(), piece.text().length(), piece.cellAt()});
                placed = true;
            }
            text.append(piece.text());
        }

        /** A position in a piece maps into it; one in the scaffolding to the start of the next piece, or the end of the last. */
        int toCell(int position) {
            int[] before = null;
            for (int[] p : pieces) {
                if (position < p[0]) {
                    return p[2];
                }
                if (position <= p[0] + p[1]) {
                    return p[2] + position - p[0];
                }
                before = p;
            }
            return before[2] + before[1];
        }
    }

    /** The name of the loop class that consumes the last value, or not. */
    String className(boolean consume) {
        return className + (consume ? "v" : "s");
    }

    /** This source compiled one way, ready to measure. */
    Compiled compiled(boolean consume, long compileNanos) {
        return new Compiled(className(consume), compileNanos);
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
