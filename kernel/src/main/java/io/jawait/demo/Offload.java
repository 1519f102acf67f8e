package io.jawait.demo;

import io.jawait.async.Async;
import io.jawait.async.AsyncCallable;
import io.jawait.async.CancelledError;
import java.util.concurrent.CompletableFuture;

/**
 * Runs blocking work (JDBC) on a fresh virtual thread and awaits it, so the caller suspends in both modes.
 *
 * <p>Why not "inline in VIRTUAL, toThread in LOOP": the helpers offer no public way to ask which mode the
 * current task runs in, and this gives the same behaviour in both: a LOOP task gives up the loop while the
 * query runs (as with toThread), a VIRTUAL task just parks, and no pool caps how many queries run at once
 * (as with asyncpg). The hop to another virtual thread costs microseconds.
 */
final class Offload {

    private Offload() {
    }

    static <T> T await(String name, AsyncCallable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("jawait-" + name).start(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return Async.await(result);
        } catch (CancelledError e) {
            // asyncio cancels a query whose awaiting task is cancelled; an interrupt is JDBC's nearest thing
            worker.interrupt();
            throw e;
        }
    }
}
