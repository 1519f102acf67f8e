package io.jawait.async;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * The LOOP tasks waiting for one future, in the order they began: they are made ready in that order when it
 * completes. asyncio keeps a future's done callbacks in a list and schedules them in order, awaiting adds one;
 * a {@link CompletableFuture} runs its dependent actions newest first, so a wake-up action per waiter resumed
 * them backwards. This list is the future's one action however many wait, and holds the tasks themselves: no
 * object per waiter.
 *
 * <p>A task that stops waiting (it was cancelled) leaves its slot behind, since finding it would take a search;
 * it no longer points back here ({@link Execution#waitingFor}), and such slots are dropped once they make up half
 * the list. Guarded by its baton's lock, except for {@link #key} and {@link #source}.
 */
final class Waiters implements BiConsumer<Object, Throwable> {
    private static final Task<?>[] NONE = {};
    // a task's mark while compact() keeps only its last slot
    private static final Object KEPT = new Object();
    private final Baton baton;
    /** What the tasks await: the future itself, or the stage or Future it was made from. */
    final Object key;
    /** The future they wait on and read the outcome from, one for every waiter. */
    final CompletableFuture<?> source;
    private Task<?>[] tasks = new Task<?>[1];
    private int size;
    private int live;

    Waiters(Baton baton, Object key, CompletableFuture<?> source) {
        this.baton = baton;
        this.key = key;
        this.source = source;
    }

    /** The source has completed, on whichever thread completed it. */
    @Override
    public void accept(Object value, Throwable failure) {
        baton.wakeAll(this);
    }

    void add(Task<?> t) {
        if (size == tasks.length) {
            tasks = Arrays.copyOf(tasks, Math.max(1, size * 2));
        }
        tasks[size++] = t;
        t.waitingFor = this;
        live++;
    }

    /** {@code t} no longer waits here; returns true if nobody does any more. */
    boolean leave(Task<?> t) {
        t.waitingFor = null;
        live--;
        if (live > 0 && size >= 16 && live * 2 <= size) {
            compact();
        }
        return live == 0;
    }

    /**
     * Takes every waiter, in the order they began, and empties the list for good.
     *
     * @return the waiters; the array may be longer, with nulls after them
     */
    Task<?>[] takeAll() {
        compact();
        Task<?>[] all = tasks;
        for (int i = 0; i < size; i++) {
            all[i].waitingFor = null;
        }
        tasks = NONE;
        size = 0;
        live = 0;
        return all;
    }

    /**
     * Keeps the tasks still waiting here, in order. A task cancelled and waiting here again has two slots; its
     * place is the later one, when it began waiting again.
     */
    private void compact() {
        for (int i = size - 1; i >= 0; i--) {
            Task<?> t = tasks[i];
            if (t.waitingFor == this) {
                t.waitingFor = KEPT;
            } else {
                tasks[i] = null;
            }
        }
        int n = 0;
        for (int i = 0; i < size; i++) {
            Task<?> t = tasks[i];
            if (t != null && t.waitingFor == KEPT) {
                t.waitingFor = this;
                tasks[n++] = t;
            }
        }
        Arrays.fill(tasks, n, size, null);
        size = n;
    }
}
