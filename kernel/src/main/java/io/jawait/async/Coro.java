package io.jawait.async;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Cleaner;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A coroutine object: the lazy result of calling an {@code async def}, made by {@link Async#async}.
 *
 * {@snippet :
 * Coro<String> hello = Async.async(() -> { System.out.println("running"); return "hi"; });
 * // nothing printed yet: the body runs only when awaited or scheduled
 * String s = Async.run(hello);
 * }
 *
 * <p>A coroutine runs at most once: awaiting it runs its body inside the awaiting task, and
 * {@link Async#createTask} or {@link Async#gather} runs it as a task of its own. A second use throws
 * {@code IllegalStateException("cannot reuse already awaited coroutine")}. One that is never used is reported
 * as {@code RuntimeWarning: coroutine 'name' was never awaited}: when its {@code run} ends if it was made
 * inside one (once per name, with a count), otherwise when it is garbage collected (once per name until the
 * next run starts, as Python's warnings filter shows a warning once per place).
 *
 * <p>Thread safe: two tasks racing to await the same coroutine see one win and the other fail.
 */
public final class Coro<T> implements Awaitable<T> {
    private static final Cleaner CLEANER = Cleaner.create();
    // a field and a VarHandle rather than an AtomicBoolean: one object (16 bytes) less per coroutine
    private static final VarHandle STARTED;

    static {
        try {
            STARTED = MethodHandles.lookup().findVarHandle(Coro.class, "started", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    final Object body;
    private volatile boolean started;
    // only for coroutines made outside a run, whose never-awaited warning comes from the cleaner
    private final AtomicBoolean unclaimed;
    Coro<?> older;

    /** {@code body} is an {@link AsyncCallable} or an {@link AsyncRunnable}; no wrapper, to keep stacks shallow. */
    Coro(String name, Object body) {
        this.name = name;
        this.body = body;
        Loop owner = Loop.current();
        if (owner != null) {
            unclaimed = null;
            owner.created(this);
        } else {
            // the cleaner cannot hold this coroutine, so an outside one keeps a flag the cleaner can share
            unclaimed = new AtomicBoolean();
            CLEANER.register(this, new NeverAwaited(name, unclaimed));
        }
    }

    @Override
    public String name() {
        return name;
    }

    /** Whether the body has been started (awaited or scheduled as a task). */
    public boolean started() {
        return started;
    }

    /** Marks the coroutine as used; the caller then runs the body exactly once. */
    void claim() {
        if (!mark()) {
            throw new IllegalStateException("cannot reuse already awaited coroutine '" + name + "'");
        }
    }

    @SuppressWarnings("unchecked")
    T call() throws Exception {
        if (body instanceof AsyncRunnable r) {
            r.run();
            return null;
        }
        return ((AsyncCallable<T>) body).call();
    }

    /** Marks a never-started coroutine as reported; true if it was never started (the caller warns). */
    boolean neverAwaited() {
        return mark();
    }

    /** Sets the started flag; true if this call set it. */
    private boolean mark() {
        if (!STARTED.compareAndSet(this, false, true)) {
            return false;
        }
        return unclaimed == null || unclaimed.compareAndSet(false, true);
    }

    @Override
    public String toString() {
        return "<coroutine " + name + (started ? " (started)>" : " (never awaited)>");
    }

    /** Warns about unused coroutines made outside any run, when they are collected. */
    private record NeverAwaited(String name, AtomicBoolean started) implements Runnable {
        // Python's warnings filter shows a warning once per place; once per name until the next run is close
        private static final Set<String> SHOWN = ConcurrentHashMap.newKeySet();

        @Override
        public void run() {
            if (started.compareAndSet(false, true) && SHOWN.add(name)) {
                warn(name, 1);
            }
        }
    }

    static void forgetShownWarnings() {
        NeverAwaited.SHOWN.clear();
    }

    static void warn(String name, int count) {
        System.err.println("RuntimeWarning: coroutine '" + name + "' was never awaited"
                + (count > 1 ? " (" + count + " coroutines)" : ""));
    }
}
