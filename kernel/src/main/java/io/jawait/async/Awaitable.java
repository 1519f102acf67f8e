package io.jawait.async;

/**
 * Something {@link Async#await} can wait for and {@link Async#gather} can combine: a {@link Coro} or a
 * {@link Task}.
 *
 * {@snippet :
 * Awaitable<Integer> a = Async.async(() -> 1);
 * int one = Async.run(Async.async(() -> Async.await(a)));
 * }
 */
public sealed interface Awaitable<T> permits Coro, Task {
    /** The name shown in timelines and warnings. */
    String name();
}
