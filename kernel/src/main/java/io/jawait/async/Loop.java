package io.jawait.async;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One {@code run}: asyncio's event loop for the lifetime of one main coroutine, in either mode.
 *
 * <p>It owns the tasks created while it runs, the coroutines made inside it (for the never-awaited warning),
 * the baton (LOOP), and the record it leaves in {@link LastRun} when it ends.
 */
final class Loop {
    private static final Set<Loop> RUNNING = ConcurrentHashMap.newKeySet();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    final Mode mode;
    final Baton baton = new Baton();
    private final long start = System.nanoTime();
    // intrusive lists (each element points to the one made before it): no node object per task or coroutine
    private final AtomicReference<Task<?>> newestTask = new AtomicReference<>();
    private final AtomicReference<Coro<?>> newestCoro = new AtomicReference<>();
    private volatile Task<?> main;
    // set before the main task starts (Thread.start orders it for every task), null unless a LOOP run is traced
    Tracer tracer;
    /**
     * The uncaught-exception handler of the thread that called {@code run}, which a task's thread carries on for
     * the threads its code starts (see {@link Execution#start}); for a run inside a task, that of the outer run.
     */
    final Thread.UncaughtExceptionHandler caller;

    Loop(Mode mode) {
        this.mode = mode;
        Thread.UncaughtExceptionHandler here = Thread.currentThread().getUncaughtExceptionHandler();
        Task<?> outer = Execution.of(Thread.currentThread());
        this.caller = outer != null ? outer.loop.caller : here;
    }

    /**
     * The task running on this thread, or null outside every run. Not a ScopedValue or ThreadLocal: measured, they
     * cost each parked task more bytes and more stack frames, and a parked virtual thread's frozen stack is most of
     * its memory.
     */
    static Task<?> currentTask() {
        return Execution.of(Thread.currentThread());
    }

    /** The run this thread's task belongs to, or null outside every run. */
    static Loop current() {
        Task<?> t = currentTask();
        return t == null ? null : t.loop;
    }

    /** Cancels the main task of every run in progress; in LOOP mode also interrupts the task holding the baton. */
    static int cancelAll() {
        int n = 0;
        for (Loop l : RUNNING) {
            Task<?> m = l.main;
            if (m != null && m.cancel()) {
                n++;
            }
            Task<?> holder = l.mode == Mode.LOOP ? l.baton.holder() : null;
            Thread t = holder == null ? null : holder.thread();
            if (t != null) {
                // a Thread.sleep or blocking call in the running task would otherwise hold every task hostage
                t.interrupt();
            }
        }
        return n;
    }

    long now() {
        return System.nanoTime() - start;
    }

    void created(Coro<?> c) {
        do {
            c.older = newestCoro.get();
        } while (!newestCoro.compareAndSet(c.older, c));
    }

    /** Runs {@code callback} as asyncio's {@code call_soon} does in LOOP mode; at once in VIRTUAL mode. */
    void callSoon(Runnable callback) {
        if (mode == Mode.LOOP) {
            baton.callSoon(callback);
        } else {
            callback.run();
        }
    }

    <T> Task<T> spawn(Coro<T> coro, String name) {
        return schedule(new Task<>(this, coro, name, null));
    }

    /** Spawns a task that tells {@code joiner} when it has finished. */
    <T> Task<T> spawn(Coro<T> coro, String name, Task.Joiner joiner) {
        return schedule(new Task<>(this, coro, name, joiner));
    }

    private <T> Task<T> schedule(Task<T> t) {
        Task<?> older;
        do {
            older = newestTask.get();
            t.older = older;
            t.index = older == null ? 0 : older.index + 1;
        } while (!newestTask.compareAndSet(older, t));
        if (mode == Mode.VIRTUAL) {
            t.start();
        } else {
            baton.enqueue(t);
        }
        return t;
    }

    List<Task<?>> pending() {
        List<Task<?>> out = new ArrayList<>();
        for (Task<?> t = newestTask.get(); t != null; t = t.older) {
            if (!t.done()) {
                out.add(t);
            }
        }
        return out.reversed();
    }

    /**
     * Every task of this run, in creation order, or null if some have not finished, in one walk of the list: with
     * 100,000 tasks the walk touches 100,000 objects scattered over the old generation, and in the first large run
     * after start-up it runs in the interpreter until the JIT has compiled it.
     */
    private Task<?>[] tasksIfAllDone() {
        Task<?> newest = newestTask.get();
        Task<?>[] all = new Task<?>[newest == null ? 0 : newest.index + 1];
        for (Task<?> t = newest; t != null; t = t.older) {
            if (!t.done()) {
                return null;
            }
            all[t.index] = t;
        }
        return all;
    }

    /** Every task of this run, in creation order. */
    private Task<?>[] tasks() {
        List<Task<?>> out = new ArrayList<>();
        for (Task<?> t = newestTask.get(); t != null; t = t.older) {
            out.add(t);
        }
        return out.reversed().toArray(new Task<?>[0]);
    }

    void resumed(Task<?> t) {
        t.mark(now());
    }

    void suspended(Task<?> t) {
        t.mark(now());
    }

    void finished(Task<?> t) {
        if (mode == Mode.LOOP) {
            baton.pass();
        }
    }

    <T> T run(Coro<T> coro) throws Exception {
        RUNNING.add(this);
        Coro.forgetShownWarnings();
        THREADS.resetPeakThreadCount();
        tracer = Tracer.forRun(this);
        Task<T> m;
        Task<?>[] all = null;
        try {
            m = new Task<>(this, coro, coro.name(), null);
            main = m;
            schedule(m);
            boolean finished = awaitDone(m);
            all = tasksIfAllDone();
            if (all == null) {
                shutdown(finished);
            }
        } finally {
            RUNNING.remove(this);
            // tasks made while the others were being cancelled belong to the timeline too: walk again then
            record(all != null ? all : tasks());
        }
        if (!m.done()) {
            throw new CancelledError("run() interrupted: its main task " + m.name() + " did not stop");
        }
        m.markRetrieved();
        return m.result();
    }

    /**
     * Waits for {@code t} from outside the run; a first interrupt cancels it, a second gives up.
     *
     * @return false if waiting was given up
     */
    private static boolean awaitDone(Task<?> t) {
        boolean interrupted = false;
        while (!t.done()) {
            try {
                t.future().get();
            } catch (InterruptedException e) {
                if (interrupted) {
                    return false;
                }
                interrupted = true;
                t.cancel();
            } catch (ExecutionException | java.util.concurrent.CancellationException ignored) {
                // the outcome stays in the task
            }
        }
        return true;
    }

    private void shutdown(boolean wait) {
        List<Task<?>> left = pending();
        left.forEach(Task::cancel);
        for (Task<?> t : left) {
            if (!wait || !awaitDone(t)) {
                wait = false;
            }
        }
    }

    /** Reports the coroutines never awaited, once the run is over. */
    private void reportNeverAwaited() {
        List<Coro<?>> unused = new ArrayList<>();
        for (Coro<?> c = newestCoro.getAndSet(null), next; c != null; c = next) {
            next = c.older;
            // unlinked, so a coroutine or task the caller keeps does not keep the whole run alive
            c.older = null;
            if (!c.started() && c.neverAwaited()) {
                unused.add(c);
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Coro<?> c : unused.reversed()) {
            counts.merge(c.name(), 1, Integer::sum);
        }
        counts.forEach(Coro::warn);
    }

    private static void reportUnretrieved(Task<?> t) {
        t.markRetrieved();
        System.err.println("Task exception was never retrieved\nfuture: " + t);
    }

    // One pass over the tasks for the report and the timeline: with 100,000 tasks each walk touches 100,000 objects
    // scattered over the heap, and the end of the run waits for every walk.
    private void record(Task<?>[] all) {
        long wall = now();
        int n = all.length;
        String[] names = new String[n];
        PackedSpans spans = new PackedSpans(n);
        byte[] outcomes = new byte[n];
        long switches = 0;
        for (int i = 0; i < n; i++) {
            Task<?> t = all[i];
            names[i] = t.name();
            // switches are counted here, after the fact: a shared counter bumped on every resume (a LongAdder)
            // made C2 speculate on its uncontended path and deoptimise, once per task, every parked frame
            // compiled that way when the task woke (25,000 traps in a run of 100,000 sleeps, -Xlog:deoptimization)
            switches += spans.add(t);
            Timeline.Outcome outcome = Timeline.outcomeOf(t);
            outcomes[i] = (byte) outcome.ordinal();
            t.older = null;
            // asyncio reports only failures nobody looked at; a task that succeeded unobserved is fine
            if (outcome == Timeline.Outcome.FAILED && !t.retrieved() && t != main) {
                reportUnretrieved(t);
            }
        }
        newestTask.set(null);
        if (tracer != null) {
            tracer.close();
        }
        LastRun.finished(new Timeline(mode, wall, names, spans.trimmed(), outcomes), mode, wall, n, switches,
                THREADS.getPeakThreadCount());
        reportNeverAwaited();
    }
}
