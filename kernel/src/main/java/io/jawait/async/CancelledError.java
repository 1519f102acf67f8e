package io.jawait.async;

import java.util.concurrent.CancellationException;

/**
 * Thrown inside a task at the suspension point where its cancellation arrives, and by {@code await} on a
 * cancelled task: asyncio's {@code CancelledError}.
 *
 * {@snippet :
 * Async.run(Async.async(() -> {
 *     Task<Void> t = Async.createTask(Async.async(() -> Async.sleep(10)));
 *     Async.sleep(0.1);
 *     t.cancel();
 *     try { Async.await(t); } catch (CancelledError e) { System.out.println("cancelled"); }
 * }));
 * }
 *
 * <p>Unlike Python, where it is a {@code BaseException}, this is a {@code RuntimeException}: a
 * {@code catch (Exception e)} catches it, and a task that swallows it is no longer cancelled.
 */
public class CancelledError extends CancellationException {
    /** A cancellation with asyncio's default (empty) message. */
    public CancelledError() {
        super();
    }

    /** A cancellation that says why. */
    public CancelledError(String message) {
        super(message);
    }
}
