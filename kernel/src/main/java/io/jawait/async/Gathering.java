package io.jawait.async;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The combinators behind {@code gather}, {@code asCompleted} and {@code waitFor}; they run inside a task.
 */
final class Gathering {
    private Gathering() {
    }

    static Loop requireLoop() {
        Loop l = Loop.current();
        if (l == null) {
            throw new IllegalStateException("no running event loop: call this inside run(...)");
        }
        return l;
    }

    @SuppressWarnings("unchecked")
    static <T> Task<T> task(Awaitable<? extends T> a) {
        if (a instanceof Task<?> t) {
            return (Task<T>) t;
        }
        Coro<T> c = (Coro<T>) a;
        return requireLoop().spawn(c, c.name());
    }

    static <T> List<Task<T>> tasks(Collection<? extends Awaitable<? extends T>> aws) {
        List<Task<T>> ts = new ArrayList<>(aws.size());
        for (Awaitable<? extends T> a : aws) {
            ts.add(task(a));
        }
        return ts;
    }

    /** Results in argument order; the first failure fails the whole unless {@code keepExceptions}. */
    @SuppressWarnings("unchecked")
    static <T> List<T> gather(Collection<? extends Awaitable<? extends T>> aws, boolean keepExceptions)
            throws Exception {
        Countdown all = new Countdown(aws.size(), keepExceptions);
        List<Task<T>> ts = new ArrayList<>(aws.size());
        Loop loop = requireLoop();
        for (Awaitable<? extends T> a : aws) {
            if (a instanceof Task<?> t) {
                t.future().whenComplete((v, e) -> all.joined(t));
                ts.add((Task<T>) t);
            } else {
                Coro<T> c = (Coro<T>) a;
                ts.add(loop.spawn(c, c.name(), all));
            }
        }
        Suspend.await(all, () -> cancelAndWait(ts));
        Suspend.outcome(all);
        Object[] results = new Object[ts.size()];
        for (int i = 0; i < results.length; i++) {
            Task<T> t = ts.get(i);
            Throwable e = t.outcome();
            results[i] = e != null ? e : t.valueNow();
        }
        return (List<T>) Arrays.asList(results);
    }

    /**
     * Cancels {@code ts} and waits until each has finished, as asyncio's gather and wait_for do before their own
     * CancelledError goes on: the children's cleanup runs first, and nothing of theirs outlives the caller.
     */
    private static void cancelAndWait(List<? extends Task<?>> ts) {
        ts.forEach(Task::cancel);
        Suspend.await(CompletableFuture.allOf(ts.stream().map(Task::future).toArray(CompletableFuture[]::new)),
                () -> { });
    }

    /** Completes when all of a gather's children have finished, or exceptionally at the first failure. */
    private static final class Countdown extends CompletableFuture<Void> implements Task.Joiner {
        private final AtomicInteger left;
        private final boolean keepExceptions;

        Countdown(int children, boolean keepExceptions) {
            this.left = new AtomicInteger(children);
            this.keepExceptions = keepExceptions;
            if (children == 0) {
                complete(null);
            }
        }

        @Override
        public void joined(Task<?> t) {
            // asyncio marks every child's exception retrieved once gather has seen it
            t.markRetrieved();
            Throwable cause = t.outcome();
            if (cause != null && !keepExceptions) {
                completeExceptionally(cause);
            } else if (left.decrementAndGet() == 0) {
                complete(null);
            }
        }
    }

    /** The tasks in the order they finish; {@code next()} suspends until the next one has. */
    static <T> Iterable<Task<T>> asCompleted(Collection<? extends Awaitable<? extends T>> aws) {
        List<Task<T>> ts = tasks(aws);
        List<CompletableFuture<Task<T>>> slots = new ArrayList<>(ts.size());
        ts.forEach(t -> slots.add(new CompletableFuture<>()));
        AtomicInteger finished = new AtomicInteger();
        ts.forEach(t -> t.future().whenComplete((v, e) -> slots.get(finished.getAndIncrement()).complete(t)));
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < slots.size();
            }

            @Override
            public Task<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CompletableFuture<Task<T>> slot = slots.get(next++);
                Suspend.await(slot, () -> { });
                return slot.join();
            }
        };
    }

    static <T> T waitFor(Awaitable<T> aw, double seconds) throws Exception {
        Task<T> t = task(aw);
        Timers.Timer timer = Timers.after(seconds);
        CompletableFuture<Object> first = CompletableFuture.anyOf(t.future(), timer);
        Suspend.await(first, () -> {
            timer.disarm();
            cancelAndWait(List.of(t));
        });
        if (!t.done()) {
            t.cancel();
            Suspend.await(t.future(), () -> { });
            if (t.cancelled()) {
                t.markRetrieved();
                throw new TimeoutError("timed out after " + seconds + " s; " + t.name() + " was cancelled");
            }
        }
        timer.disarm();
        t.markRetrieved();
        return Suspend.outcome(t.future());
    }
}
