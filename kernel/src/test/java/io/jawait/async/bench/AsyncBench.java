package io.jawait.async.bench;

import static io.jawait.async.Async.async;
import static io.jawait.async.Async.gather;
import static io.jawait.async.Async.run;
import static io.jawait.async.Async.sleep;
import static io.jawait.async.bench.JvmFigures.allocatedBytes;
import static io.jawait.async.bench.JvmFigures.collections;
import static io.jawait.async.bench.JvmFigures.gcMillis;
import static io.jawait.async.bench.JvmFigures.heapCommittedMb;
import static io.jawait.async.bench.JvmFigures.peakRssMb;
import static io.jawait.async.bench.JvmFigures.processCpuNanos;
import static io.jawait.async.bench.JvmFigures.resetPeakRss;
import static io.jawait.async.bench.JvmFigures.rssMb;

import io.jawait.async.Coro;
import io.jawait.async.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The await helpers' benchmark, one measurement per JVM so peak memory belongs to it alone.
 *
 * <p>{@code gather <mode> <tasks> <repeats> [warmup]}: {@code tasks} coroutines each doing {@code sleep(1)},
 * gathered, timed around {@code run}; without warm-up the first repeat is cold (class loading, interpreted
 * code), with it five unmeasured runs of {@code warmup} short sleeps come first, as in a session whose earlier
 * cells already used the helpers (the kernel's own start-up warm-up does not call them).
 * {@code cells <mode> <tasks> <repeats>}: as {@code gather} with warm-up, but each repeat as the kernel runs a cell
 * after an idle moment: its idle collector has run (here {@code System.gc()}), and the peak resident set is that
 * repeat's own, not the process's over all repeats, whose dead tasks Serial keeps until a full collection.
 * {@code switch <tasks> <yields>}: LOOP mode, {@code tasks} tasks each doing {@code sleep(0)} {@code yields}
 * times; reports nanoseconds per task switch. {@code bare <threads> <repeats>}: the floor, parked virtual threads
 * without the library. Each prints one line {@code key=value ...} that
 * {@code kernel/bench/async-bench.sh} collects; peak RSS is the kernel's VmHWM for this process, {@code gcs} the
 * collections per collector and {@code heap_mb} the heap committed at the end (see {@link JvmFigures}).
 */
public final class AsyncBench {
    private AsyncBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: gather <VIRTUAL|LOOP> <tasks> <repeats> | switch <tasks> <yields>");
        }
        switch (args[0]) {
            case "gather" -> gatherSleeps(Mode.valueOf(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    args.length > 4 ? Integer.parseInt(args[4]) : 0);
            case "cells" -> cells(Mode.valueOf(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "live" -> live(Mode.valueOf(args[1]), Integer.parseInt(args[2]));
            case "bare" -> bare(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "switch" -> switches(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("unknown benchmark " + args[0]);
        }
    }

    private static void gatherSleeps(Mode mode, int tasks, int repeats, int warmup) throws Exception {
        warmUp(mode, warmup);
        StringJoiner walls = new StringJoiner(",");
        StringJoiner cpus = new StringJoiner(",");
        StringJoiner gcs = new StringJoiner(",");
        StringJoiner allocs = new StringJoiner(",");
        for (int r = 0; r < repeats; r++) {
            long alloc0 = allocatedBytes();
            long cpu0 = processCpuNanos();
            long gc0 = gcMillis();
            double s = gatherOnce(mode, tasks, 1);
            walls.add(String.format("%.3f", s));
            cpus.add(String.format("%.2f", (processCpuNanos() - cpu0) / 1e9));
            gcs.add(String.valueOf(gcMillis() - gc0));
            allocs.add(String.valueOf((allocatedBytes() - alloc0) / tasks));
        }
        // CPU seconds (all threads, GC included) and GC pause time (gc_ms) say what a run cost when a shared machine
        // stretches its wall time; bytes allocated per task (alloc_b, every thread, stack chunks included) decide how
        // many young collections a run takes, and they copy what is still alive
        System.out.printf("lang=java bench=gather mode=%s tasks=%d warmup=5x%d wall_s=%s cpu_s=%s gc_ms=%s alloc_b=%s"
                + " gcs=%s heap_mb=%.0f peak_rss_mb=%.0f%n", mode, tasks, warmup, walls, cpus, gcs, allocs, collections(),
                heapCommittedMb(), peakRssMb());
    }

    /** Five unmeasured runs of {@code tasks} short sleeps, as in a session whose earlier cells used the helpers. */
    private static void warmUp(Mode mode, int tasks) throws Exception {
        // the kernel warms the helpers up at start (NOTEBOOKS.md §3.5); warm-up sleeps are short and unmeasured
        for (int w = 0; w < 5 && tasks > 0; w++) {
            gatherOnce(mode, tasks, 0.01);
        }
    }

    /** One run of {@code tasks} coroutines each sleeping {@code seconds}, gathered; its wall time in seconds. */
    private static double gatherOnce(Mode mode, int tasks, double seconds) throws Exception {
        List<Coro<Void>> coros = new ArrayList<>(tasks);
        long t0 = System.nanoTime();
        run(async("main", () -> {
            for (int i = 0; i < tasks; i++) {
                coros.add(async("sleeper", () -> sleep(seconds)));
            }
            gather(coros);
        }), mode);
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void cells(Mode mode, int tasks, int repeats) throws Exception {
        warmUp(mode, 10_000);
        StringJoiner walls = new StringJoiner(",");
        StringJoiner before = new StringJoiner(",");
        StringJoiner peaks = new StringJoiner(",");
        for (int r = 0; r < repeats; r++) {
            System.gc();
            before.add(String.format("%.0f", rssMb()));
            boolean own = resetPeakRss();
            double s = gatherOnce(mode, tasks, 1);
            walls.add(String.format("%.3f", s));
            peaks.add(own ? String.format("%.0f", peakRssMb()) : "n/a");
        }
        System.out.printf("lang=java bench=cells mode=%s tasks=%d warmup=5x10000 wall_s=%s rss_before_mb=%s"
                + " peak_rss_mb=%s%n", mode, tasks, walls, before, peaks);
    }

    /** Heap in use after a full GC while {@code tasks} tasks sleep: the memory one task really holds. */
    private static void live(Mode mode, int tasks) throws Exception {
        for (int r = 0; r < 2; r++) {
            java.util.concurrent.CompletableFuture<Long> used = new java.util.concurrent.CompletableFuture<>();
            run(async("main", () -> {
                List<Coro<Void>> coros = new ArrayList<>(tasks);
                for (int i = 0; i < tasks; i++) {
                    coros.add(async("sleeper", () -> sleep(2)));
                }
                Thread.ofPlatform().start(() -> {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    System.gc();
                    used.complete(java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                });
                gather(coros);
            }), mode);
            System.out.printf("lang=java bench=live mode=%s tasks=%d heap_used_after_gc_mb=%.1f bytes_per_task=%.0f%n",
                    mode, tasks, used.get() / 1048576.0, (double) used.get() / tasks);
        }
    }

    /**
     * The floor under VIRTUAL: {@code threads} bare virtual threads, no library, each parked until a platform thread
     * unparks them all 1 s after the first started, as the clock wakes sleeping tasks. What the JVM needs for that
     * many parked threads, whatever a library around them does.
     */
    private static void bare(int threads, int repeats) throws Exception {
        StringJoiner walls = new StringJoiner(",");
        for (int r = 0; r < repeats; r++) {
            java.util.concurrent.atomic.AtomicBoolean go = new java.util.concurrent.atomic.AtomicBoolean();
            Thread[] ts = new Thread[threads];
            java.util.concurrent.ThreadFactory factory = Thread.ofVirtual().factory();
            long t0 = System.nanoTime();
            for (int i = 0; i < threads; i++) {
                ts[i] = factory.newThread(() -> {
                    while (!go.get()) {
                        java.util.concurrent.locks.LockSupport.park();
                    }
                });
                ts[i].start();
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000_000L - (System.nanoTime() - t0));
            go.set(true);
            for (Thread t : ts) {
                java.util.concurrent.locks.LockSupport.unpark(t);
            }
            for (Thread t : ts) {
                t.join();
            }
            walls.add(String.format("%.3f", (System.nanoTime() - t0) / 1e9));
        }
        System.out.printf("lang=java bench=bare threads=%d wall_s=%s gcs=%s heap_mb=%.0f peak_rss_mb=%.0f%n", threads, walls,
                collections(), heapCommittedMb(), peakRssMb());
    }

    private static void switches(int tasks, int yields) throws Exception {
        StringJoiner per = new StringJoiner(",");
        for (int r = 0; r < 3; r++) {
            List<Coro<Void>> coros = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                coros.add(async("yielder", () -> {
                    for (int k = 0; k < yields; k++) {
                        sleep(0);
                    }
                }));
            }
            long t0 = System.nanoTime();
            run(async("main", () -> gather(coros)), Mode.LOOP);
            long ns = System.nanoTime() - t0;
            per.add(String.format("%.0f", (double) ns / ((long) tasks * yields)));
        }
        System.out.printf("lang=java bench=switch mode=LOOP tasks=%d yields=%d ns_per_switch=%s peak_rss_mb=%.0f%n",
                tasks, yields, per, peakRssMb());
    }
}
