package io.jawait.timing;

/**
 * A statement compiled inside its own timing loop: {@link #run} executes it {@code loops} times and returns
 * the elapsed nanoseconds.
 *
 * <p>{@code %timeit} generates one class implementing this interface around each statement it times, so the
 * JIT compiles each loop for its own statement (one shared loop calling a lambda turns megamorphic and slows
 * every statement down).
 *
 * {@snippet :
 * TimedLoop loop = loops -> {
 *     long t0 = System.nanoTime();
 *     for (long i = 0; i < loops; i++) { Math.sqrt(i); }
 *     return System.nanoTime() - t0;
 * };
 * long nanos = loop.run(1_000);
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
    long run(long loops) throws Throwable;
}
