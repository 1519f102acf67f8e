package io.jawait.async;

/**
 * Thrown by {@link Async#waitFor} and {@link Async#withTimeout} when the time runs out, after the inner work
 * has been cancelled: asyncio's {@code TimeoutError}.
 *
 * {@snippet :
 * try {
 *     Async.run(Async.async(() -> Async.waitFor(Async.async(() -> Async.sleep(5)), 0.1)));
 * } catch (TimeoutError e) {
 *     System.out.println("gave up after 0.1 s");
 * }
 * }
 */
public class TimeoutError extends RuntimeException {
    /** A timeout that says how long was waited. */
    public TimeoutError(String message) {
        super(message);
    }
}
