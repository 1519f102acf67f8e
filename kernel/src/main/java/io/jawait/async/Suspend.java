package io.jawait.async;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Waiting on futures from inside or outside a run, and handing back their outcome unwrapped.
 */
final class Suspend {
    static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private Suspend() {
    }

    /** Waits for {@code f}; on cancellation of the waiting task runs {@code onCancel} and rethrows. */
    static void await(CompletableFuture<?> f, Runnable onCancel) {
        Task<?> t = Loop.currentTask();
        try {
            if (t != null) {
                t.suspend(f);
            } else {
                block(f);
            }
        } catch (CancelledError e) {
            onCancel.run();
            throw e;
        }
    }

    private static void block(CompletableFuture<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledError("interrupted while waiting");
        } catch (ExecutionException | CancellationException ignored) {
            // read by the caller
        }
    }

    /** Waits for {@code f} and returns its value, or throws its original exception. */
    static <T> T value(CompletableFuture<T> f) throws Exception {
        await(f, () -> { });
        return outcome(f);
    }

    /**
     * Waits for the future {@code source} makes from {@code key} (a stage, or a {@link Future}) and returns its
     * value, or throws its original exception. Inside a LOOP run the tasks awaiting one key share one such future,
     * so they resume in the order they began waiting, and a Future has one thread waiting on it, not one a task.
     */
    static <K, T> T value(K key, Function<? super K, CompletableFuture<T>> source) throws Exception {
        Task<?> t = Loop.currentTask();
        CompletableFuture<T> f;
        if (t != null) {
            f = t.suspend(key, source);
        } else {
            f = source.apply(key);
            block(f);
        }
        return outcome(f);
    }

    /** The value of a completed future, or its exception unwrapped from Completion/ExecutionException. */
    static <T> T outcome(CompletableFuture<T> f) throws Exception {
        Throwable e = failure(f);
        if (e == null) {
            return f.getNow(null);
        }
        if (e instanceof CancellationException c && !(e instanceof CancelledError)) {
            CancelledError ce = new CancelledError(c.getMessage());
            ce.initCause(c);
            throw ce;
        }
        throw rethrow(e);
    }

    /**
     * The exception a completed future failed with, as it was given (CompletableFuture's own getters replace
     * a CancellationException subclass by a fresh CancellationException), or null.
     */
    static Throwable failure(CompletableFuture<?> f) {
        if (!f.isCompletedExceptionally()) {
            return null;
        }
        Throwable e = f.handle((v, x) -> x).getNow(null);
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    static Exception rethrow(Throwable e) throws Exception {
        if (e instanceof ExecutionException || e instanceof CompletionException) {
            return rethrow(e.getCause() == null ? e : e.getCause());
        }
        if (e instanceof Exception x) {
            return x;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return new RuntimeException(e);
    }

    /** A future completed with {@code f}'s outcome; a virtual thread waits on {@code f}. */
    static <T> CompletableFuture<T> adapt(Future<T> f) {
        if (f instanceof CompletableFuture<T> cf) {
            return cf;
        }
        CompletableFuture<T> out = new CompletableFuture<>();
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                out.complete(f.get());
            } catch (ExecutionException e) {
                out.completeExceptionally(e.getCause());
            } catch (Throwable e) {
                out.completeExceptionally(e);
            }
        });
        out.whenComplete((v, e) -> waiter.interrupt());
        return out;
    }
}
