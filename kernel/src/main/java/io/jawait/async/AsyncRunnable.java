package io.jawait.async;

/**
 * The body of a coroutine that returns nothing: an {@code async def} without {@code return}.
 *
 * {@snippet :
 * AsyncRunnable body = () -> { System.out.println("Start"); Async.sleep(0.1); System.out.println("End"); };
 * Async.run(Async.async(body));
 * }
 *
 * <p>It may throw any exception; {@link Async#await} hands the same exception to the awaiting code.
 */
@FunctionalInterface
public interface AsyncRunnable {
    /** Runs the body. */
    void run() throws Exception;
}
