package io.jawait.display;

/**
 * The output of the cell that the calling thread belongs to.
 *
 * <p>The engine sets it on the thread that runs a cell; threads and virtual threads started from there
 * inherit it, so they print to that cell even after it ended. Threads that inherit nothing (the common
 * fork-join pool, threads of libraries) fall back to the cell that ran last.
 *
 * {@snippet :
 * CellOutput out = CurrentOutput.get();   // inside a cell: that cell's output
 * out.stdout("hello\n");
 * }
 */
public final class CurrentOutput {
    private static final InheritableThreadLocal<CellOutput> CELL = new InheritableThreadLocal<>();
    private static volatile CellOutput latest;

    private CurrentOutput() {}

    /**
     * The calling thread's cell output, else the latest cell's.
     *
     * @throws IllegalStateException when no cell has run yet in this JVM
     */
    public static CellOutput get() {
        CellOutput out = find();
        if (out == null) {
            throw new IllegalStateException("no cell is running: display works inside a jawait cell");
        }
        return out;
    }

    /** The calling thread's cell output, else the latest cell's, else null. */
    public static CellOutput find() {
        CellOutput own = CELL.get();
        return own != null ? own : latest;
    }

    /** Makes {@code out} the output of the calling thread and of the threads it will start. */
    public static void set(CellOutput out) {
        CELL.set(out);
        latest = out;
    }
}
