package io.jawait.async;

/**
 * Thrown when a task is asked for something it does not have yet, such as the result of a task that has not
 * finished: asyncio's {@code InvalidStateError}.
 *
 * {@snippet :
 * Async.run(Async.async(() -> {
 *     Task<Void> t = Async.createTask(Async.async(() -> Async.sleep(1)));
 *     try { t.result(); } catch (InvalidStateError e) { System.out.println(e.getMessage()); }
 *     t.cancel();
 * }));
 * }
 */
public class InvalidStateError extends IllegalStateException {
    /** An error that says which state was wrong. */
    public InvalidStateError(String message) {
        super(message);
    }
}
