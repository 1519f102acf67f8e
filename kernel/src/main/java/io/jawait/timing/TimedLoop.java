package io.jawait.timing;

/**
 * A statement compiled inside its own timing loop: {@link #timeLoops} runs it {@code loops} times and returns
 * the elapsed nanoseconds.
 *
 * <p>{@code %timeit} generates one class implementing this interface around each statement it times, so the
 * JIT compiles each loop for its own statement (one shared loop calling a lambda turns megamorphic and slows
 * every statement down). Inside that class the method's name hides every method of the same name the
 * statement calls, static imports included, so it is one no learner's code uses ({@code run} was: it hid
 * {@code Async.run}).
 *
 * {@snippet :
 * TimedLoop loop = loops -> {
 *     long t0 = System.nanoTime();
 *     for (long i = 0; i < loops; i++) { Math.sqrt(i); }
 *     return System.nanoTime() - t0;
 * };
 * long nanos = loop.timeLoops(1_000);
 * }
 */
@FunctionalInterface
public interface TimedLoop {

    /**
     * Runs the statement {@code loops} times.
     *
     * @return the elapsed time in nanoseconds, measured with {@link System#nanoTime()}
     * @throws Throwable whatever the statement throws
     */
    long timeLoops(long loops) throws Throwable;

    /**
     * Reads a volatile field and nothing more; marks the place in a generated loop, once per iteration, where the
     * copy that {@code %timeit} measures in the kernel checks whether the cell was interrupted. The kernel
     * measures a copy of each loop class without JShell's stop checks inside the statement (they cost a volatile
     * read per backward branch, which JMH's loops do not pay) and puts a single check here instead, which is
     * such a read too. A loop class timed in a fork ({@code %timeit -f}) keeps this call: JMH's loop likewise
     * reads its volatile {@code isDone} flag each iteration, and without a read like it the JIT hoists what the
     * statement reads out of the loop (a fork measured {@code Math.sqrt(x)} of a static field at 0.02 ns, the
     * kernel's copy and JMH at 2.3 ns).
     */
    static void checkpoint() {
        LoopFence.check();
    }
}
