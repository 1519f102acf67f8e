package io.jawait.async;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The platform-thread pools behind {@code toThread} and {@code runInThreadpool}.
 *
 * <p>Platform threads, not virtual ones: the OS preempts them, so CPU-bound or blocking work handed here
 * starves neither a LOOP run nor the carriers of a VIRTUAL run. Sizes follow Python: asyncio's default
 * executor has {@code min(32, cores + 4)} workers; Starlette's {@code run_in_threadpool} is limited to 40.
 */
final class Pools {
    static final ThreadPoolExecutor TO_THREAD =
            pool("jawait-to-thread-", Math.min(32, Runtime.getRuntime().availableProcessors() + 4));
    static final ThreadPoolExecutor THREADPOOL = pool("jawait-threadpool-", 40);

    private Pools() {
    }

    private static ThreadPoolExecutor pool(String prefix, int size) {
        AtomicInteger n = new AtomicInteger();
        var ex = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ex.allowCoreThreadTimeOut(true);
        return ex;
    }

    /** Runs {@code fn} on {@code pool}; the future carries its value or its exception, unwrapped. */
    static <T> CompletableFuture<T> submit(ThreadPoolExecutor pool, AsyncCallable<T> fn) {
        CompletableFuture<T> f = new CompletableFuture<>();
        pool.execute(() -> {
            try {
                f.complete(fn.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }
}
