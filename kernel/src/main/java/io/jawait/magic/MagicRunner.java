package io.jawait.magic;

import java.util.List;

/**
 * Runs cells that hold magics. The engine asks {@link #handles} first and, when true, hands the whole cell
 * over: line magics may stand on any line between Java code, a cell magic ({@code %%name}) on the first line
 * owns the rest of the cell, and {@code T name = %magic ...} binds the magic's result to a variable.
 */
public interface MagicRunner {

    /** True when the cell holds a magic the engine must not compile as Java. */
    boolean handles(String cell);

    /**
     * Runs the cell, evaluating its Java parts through {@code ctx}.
     *
     * @return what to show as the cell's result, or null for nothing
     * @throws CellException for a bad magic name or argument, or when the Java parts fail
     */
    Evaluation run(String cell, MagicContext ctx) throws CellException;

    /** Magic names (with their {@code %} or {@code %%}) that start with {@code prefix}. */
    List<String> complete(String prefix);

    /** Help text for {@code %name?} and inspection, or null when there is no such magic. */
    String help(String name);

    /**
     * The Java code of {@code cell} that a magic runs and {@code cursor} is in (a line magic's statement after its
     * options, a cell magic's body), so that completion and inspection see it without the magic; null when the
     * cursor is in no such code.
     */
    default JavaSpan javaAt(String cell, int cursor) {
        return null;
    }

    /** The characters {@code [start, end)} of a cell. */
    record JavaSpan(int start, int end) {}

    /**
     * When {@code cursor} is in a file name argument of a magic ({@code %load}, {@code %classpath},
     * {@code %%writefile}): where that argument starts and the paths that could complete it, as IPython completes
     * file names; null when the cursor is in no such argument.
     */
    default FileChoices filesAt(String cell, int cursor) {
        return null;
    }

    /** Paths that could replace the characters from {@code start} to the cursor. */
    record FileChoices(int start, List<String> paths) {}

    /** A runner that knows no magics. */
    MagicRunner NONE = new MagicRunner() {
        public boolean handles(String cell) { return false; }
        public Evaluation run(String cell, MagicContext ctx) throws CellException {
            throw new CellException("UsageError", "magics are not available");
        }
        public List<String> complete(String prefix) { return List.of(); }
        public String help(String name) { return null; }
    };
}
