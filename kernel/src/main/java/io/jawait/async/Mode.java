package io.jawait.async;

/**
 * How the tasks of one {@link Async#run run} are scheduled.
 *
 * {@snippet :
 * Async.run(Async.async(() -> { Async.sleep(0.1); return 1; }), Mode.LOOP);
 * }
 *
 * <p>{@link #VIRTUAL} is Java's own answer to async/await: every task is a virtual thread, tasks run in
 * parallel, and a blocking call ({@code Thread.sleep}, JDBC) parks only its own task. {@link #LOOP} behaves
 * like asyncio's event loop: one task runs at a time, tasks switch only inside the helpers ({@code sleep},
 * {@code await}, {@code gather}, ...), ready tasks resume first in, first out, so print order is the same on
 * every run, and a {@code Thread.sleep} or a CPU loop blocks every other task.
 */
public enum Mode {
    /** Every task is a virtual thread; tasks run in parallel. The default. */
    VIRTUAL,
    /** One task at a time, switching only at the helpers' suspension points, like asyncio. */
    LOOP
}
