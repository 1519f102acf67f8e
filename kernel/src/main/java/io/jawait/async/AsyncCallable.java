package io.jawait.async;

/**
 * The body of a coroutine that returns a value: what {@code async def f(): return x} holds.
 *
 * {@snippet :
 * AsyncCallable<String> body = () -> { Async.sleep(0.1); return "done"; };
 * String s = Async.run(Async.async(body));
 * }
 *
 * <p>It may throw any exception; {@link Async#await} hands the same exception to the awaiting code.
 */
@FunctionalInterface
public interface AsyncCallable<T> {
    /** Runs the body. */
    T call() throws Exception;
}
