package io.jawait.demo;

import io.jawait.async.Async;
import io.jawait.async.AsyncCallable;
import io.jawait.async.Mode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One LOOP-mode run that lives as long as its App: requests are handed in from the server's threads and each
 * becomes a task of that single loop, as uvicorn runs every {@code async def} endpoint on one asyncio loop.
 */
final class EventLoop implements AutoCloseable {

    private record Job(String name, AsyncCallable<Object> body, CompletableFuture<Object> result) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<Job> inbox = new ArrayDeque<>();
    private CompletableFuture<Void> wake = new CompletableFuture<>();
    private final Set<CompletableFuture<Object>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private final String name;

    EventLoop(String name) {
        this.name = name;
        Thread.ofPlatform().daemon().name(name).start(this::supervise);
    }

    /** Runs {@code body} as a task of the loop; the future completes with its outcome. */
    CompletableFuture<Object> submit(String name, AsyncCallable<Object> body) {
        var job = new Job(name, body, new CompletableFuture<>());
        lock.lock();
        try {
            if (closed) {
                job.result().completeExceptionally(new IllegalStateException("the app was closed"));
                return job.result();
            }
            inbox.add(job);
            pending.add(job.result());
            job.result().whenComplete((value, error) -> pending.remove(job.result()));
            wake.complete(null);
        } finally {
            lock.unlock();
        }
        return job.result();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            inbox.forEach(j -> j.result().completeExceptionally(new IllegalStateException("the app was closed")));
            inbox.clear();
            wake.complete(null);
        } finally {
            lock.unlock();
        }
    }

    /** Restarts the loop if it ends while the app is open: a kernel interrupt cancels every run, this one too. */
    private void supervise() {
        while (!closed) {
            try {
                Async.run(Async.async(name, this::serve), Mode.LOOP);
            } catch (Exception | Error e) {
                if (!closed) {
                    System.err.println("App event loop ended (" + e + "); starting a new one");
                }
            }
            // a task cancelled before it first ran never completes its job: answer its request now
            failStarted();
        }
    }

    private void failStarted() {
        lock.lock();
        try {
            var queued = inbox.stream().map(Job::result).toList();
            pending.stream().filter(f -> !queued.contains(f))
                    .forEach(f -> f.completeExceptionally(new IllegalStateException("the event loop was stopped")));
        } finally {
            lock.unlock();
        }
    }

    private void serve() throws Exception {
        while (true) {
            Job job = next();
            if (job == null) {
                return;
            }
            // the outcome travels through job.result(), so the task itself always succeeds
            Async.createTask(Async.async(job.name(), () -> {
                try {
                    job.result().complete(job.body().call());
                } catch (Throwable e) {
                    job.result().completeExceptionally(e);
                }
            }));
        }
    }

    /** The next job, suspending the loop's main task while there is none; null once closed. */
    private Job next() throws Exception {
        while (true) {
            CompletableFuture<Void> signal;
            lock.lock();
            try {
                if (closed) {
                    return null;
                }
                if (!inbox.isEmpty()) {
                    return inbox.poll();
                }
                if (wake.isDone()) {
                    wake = new CompletableFuture<>();
                }
                signal = wake;
            } finally {
                lock.unlock();
            }
            Async.await(signal);
        }
    }
}
