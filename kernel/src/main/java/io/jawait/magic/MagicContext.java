package io.jawait.magic;

import io.jawait.display.CellOutput;
import io.jawait.timing.ResourceSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * What a magic may ask of the engine that runs the cell. Implemented by the engine; magics never see JShell.
 */
public interface MagicContext {

    /**
     * Compiles and runs Java source exactly as a cell would (any mix of statements and declarations).
     *
     * @throws CellException when it does not compile or throws; the message is ready for the user
     */
    Evaluation eval(String code) throws CellException;

    /**
     * {@link #eval} for code taken from the cell, or built around a part of it: {@code toCell} gives the position
     * in the cell's text of each position in {@code code}, so that compile errors and stack traces point at the
     * cell's own lines. Null when the code has no place in the cell.
     *
     * @throws CellException as {@link #eval} does
     */
    default Evaluation eval(String code, IntUnaryOperator toCell) throws CellException {
        return eval(code);
    }

    /**
     * {@link #eval} for the code of a file, as {@code %run} runs one: compile errors and stack traces name
     * {@code file} and give the file's lines, since the cell holds only the magic's line.
     *
     * @throws CellException as {@link #eval} does
     */
    default Evaluation evalFile(String code, String file) throws CellException {
        return eval(code);
    }

    /**
     * {@link #eval(String, IntUnaryOperator)} for declarations the magic uses at once: one that JShell would keep
     * waiting for a name not yet declared is a compile error ("cannot find symbol") instead.
     *
     * @throws CellException as {@link #eval} does
     */
    default Evaluation evalResolved(String code, IntUnaryOperator toCell) throws CellException {
        return eval(code, toCell);
    }

    /**
     * Runs {@code work} (code and magics of the cell, through this context) with the cell's output going to
     * {@code into} instead: what it prints (from any thread it starts), what it displays, what magics write to
     * {@link #out()}, and, with {@code keepValue}, the value {@code work} returns, as a cell of {@code code} would
     * show it, as a display. For {@code %%capture}.
     *
     * @throws CellException what {@code work} throws; also when this engine cannot redirect output
     */
    default Evaluation redirected(CellOutput into, String code, boolean keepValue, Work work)
            throws CellException {
        throw new CellException("UsageError", "this engine cannot capture a cell's output");
    }

    /** Code a magic runs through its context, for {@link #redirected}. */
    @FunctionalInterface
    interface Work {
        Evaluation run() throws CellException;
    }

    /**
     * {@link #eval(String, IntUnaryOperator)}, also telling what the JVM used while the code ran: CPU of every thread, collections, JIT
     * time. An engine that can tell running from compiling counts only the running; this default counts both,
     * less the CPU of the calling thread.
     *
     * @throws CellException as {@link #eval} does
     */
    default Measured evalMeasured(String code, IntUnaryOperator toCell) throws CellException {
        ResourceSnapshot before = ResourceSnapshot.take();
        Evaluation e = eval(code, toCell);
        ResourceSnapshot after = ResourceSnapshot.takeEnd();
        ResourceSnapshot used = ResourceSnapshot.ZERO.plus(before, after);
        return new Measured(e, new ResourceSnapshot(used.processCpuNanos(),
                after.callerCpuNanos() - before.callerCpuNanos(), used.userNanos(), used.systemNanos(),
                used.gcCount(), used.gcMillis(), used.jitMillis()));
    }

    /**
     * An evaluation and what its code used, as a difference: {@code TimeReport.between(ResourceSnapshot.ZERO,
     * used, ...)} reports it.
     */
    record Measured(Evaluation evaluation, ResourceSnapshot used) {}

    /**
     * Whether the user has asked to stop the cell, for a magic that waits on something other than Java code
     * (a process, a download): it should then end what it waits for and fail with {@code KeyboardInterrupt}.
     */
    default boolean interrupted() {
        return Thread.currentThread().isInterrupted();
    }

    /** The output of the cell the magic runs in. */
    CellOutput out();

    /** The user's variables now defined, in the order they were first declared. */
    List<Variable> variables();

    /**
     * One variable of the session.
     *
     * @param info what {@code %whos} shows of it, worked out when asked for: its size ({@code "n=2"}) for a
     *             collection, map or array, otherwise its value as a cell showing it would ({@code "\"text\""})
     */
    record Variable(String name, String type, Supplier<String> info) {}

    /**
     * The cells this session keeps in its history (each one run with {@code store_history}, as Jupyter's {@code
     * history_request} answers them), for {@code %history}.
     */
    CellHistory history();

    /**
     * Asks the front end to put {@code text} into its input when the cell has run, as IPython's {@code
     * set_next_input} does: with {@code replace}, in place of the cell (JupyterLab and Notebook do that; jupyter
     * console offers it at its next prompt). A notebook run headless ignores it, as nbclient does.
     */
    void setNextInput(String text, boolean replace);

    /**
     * What the session knows of {@code name} (a Java name, maybe qualified: {@code Math.max}, {@code fib},
     * {@code Point}; {@code new Point} for its constructors), for {@code %pinfo} and its kin; null when it names
     * nothing here.
     */
    default Help help(String name) {
        return null;
    }

    /**
     * Shows {@code text} in the front end's pager, as IPython's help does: JupyterLab and Notebook put it under the
     * cell, jupyter console prints it.
     */
    default void page(String text) {
        out().stdout(text.endsWith("\n") ? text : text + "\n");
    }

    /**
     * The documentation of a name.
     *
     * @param entries what it names, each with its signature and Javadoc (as plain text, empty when none): the
     *                class, or each overload of a method
     * @param sources the source of each declaration of that name a cell made, Javadoc comment included
     * @param object  for a variable, IPython's page of the object it holds (its type, value, length, and the
     *                documentation of its type); null for anything else
     */
    record Help(List<Entry> entries, List<String> sources, String object) {
        public Help {
            entries = List.copyOf(entries);
            sources = List.copyOf(sources);
        }

        public Help(List<Entry> entries, List<String> sources) {
            this(entries, sources, null);
        }

        /**
         * {@code name?}: each signature and its documentation; with {@code withSource} ({@code name??}) the source.
         * A variable's page is the same for both, as in IPython.
         */
        public String text(boolean withSource) {
            if (object != null) {
                return object;
            }
            var text = new StringBuilder();
            for (Entry e : entries) {
                text.append(e.signature()).append('\n');
                if (!e.doc().isBlank()) {
                    text.append(e.doc()).append("\n\n");
                }
            }
            String shown = text.toString().strip();
            if (!withSource || sources.isEmpty()) {
                return shown;
            }
            return (shown.isEmpty() ? "" : shown + "\n\nSource:\n") + String.join("\n\n", sources);
        }
    }

    /** One thing a name names: a class, a variable, or one overload of a method. */
    record Entry(String signature, String doc) {}

    /** The traceback of the last cell that failed (not with a magic's usage error), for {@code %tb}; null if none. */
    default List<String> lastTraceback() {
        return null;
    }

    /**
     * The last value a cell showed as its result, as text (a string as it is, without quotes), for {@code %recall}
     * as IPython's puts {@code str(_)}; null when no cell has shown one.
     */
    default String lastResult() {
        return null;
    }

    /** One cell of the history: its execution number and its source as typed. */
    record Input(int number, String source) {}

    /**
     * The history as this cell sees it.
     *
     * @param earlier the kept cells before this one, oldest first
     * @param current this cell, or null when it is not kept (IPython keeps a cell before running it, so its
     *                {@code %history} shows itself)
     */
    record CellHistory(List<Input> earlier, Input current) {
        public CellHistory {
            earlier = List.copyOf(earlier);
        }

        /** Every kept cell, this one last when it is kept. */
        public List<Input> all() {
            if (current == null) {
                return earlier;
            }
            var all = new ArrayList<>(earlier);
            all.add(current);
            return List.copyOf(all);
        }
    }

    /**
     * Forgets the user's variable {@code name}, as if never declared, and lets go of its value, which is not
     * closed or otherwise touched; code declared earlier that uses it cannot run until it is declared again.
     *
     * @return false when the session has no variable of that name
     */
    boolean deleteVariable(String name);

    /**
     * Forgets every variable, method, class and import the user's cells declared, as {@code %reset} does; the
     * kernel's start-up imports stay.
     */
    void deleteUserNames();

    /** Makes a jar or class folder visible to later cells. */
    void addToClasspath(Path path) throws CellException;

    /**
     * Compiles {@code source}, a compilation unit declaring the public class {@code className}, as a program of its
     * own, for a magic that runs code in another JVM ({@code %timeit -f}): with every import the cells have (the
     * kernel's and the user's) and the session's class path, but none of the variables, methods or classes the
     * cells declared. {@code toCell} places it in the cell, as for {@link #eval(String, IntUnaryOperator)}.
     *
     * @throws CellException a {@code CompilationError} placed in the cell as a cell's own is
     */
    default Standalone compileStandalone(String className, String source, IntUnaryOperator toCell)
            throws CellException {
        throw new CellException("UsageError", "this engine cannot compile code to run in another JVM");
    }

    /**
     * A program {@link #compileStandalone} compiled.
     *
     * @param classPath    what to run it with: the folder of its classes first (the caller deletes it when done),
     *                     then the kernel's classes and what {@code %classpath} and {@code %maven} added
     * @param compileNanos how long compiling took
     * @param where        where a line of its source is, as a stack frame of a cell names it ({@code cell 3, line 2})
     */
    record Standalone(List<Path> classPath, long compileNanos, IntFunction<String> where) implements AutoCloseable {
        public Standalone {
            classPath = List.copyOf(classPath);
        }

        /** Deletes the folder of the program's classes (the first entry of the class path), as far as it can. */
        @Override
        public void close() {
            try (var all = java.nio.file.Files.walk(classPath.getFirst())) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException | java.io.UncheckedIOException gone) {
                // a temporary folder: what is left, the system's cleaning of the temporary files takes
            }
        }
    }

    /**
     * Declares a variable in the user's session holding {@code value}, as in {@code var r = %timeit -o ...}.
     *
     * @param type the declared type as the user wrote it, or {@code "var"}
     */
    void bind(String type, String name, Object value) throws CellException;
}
