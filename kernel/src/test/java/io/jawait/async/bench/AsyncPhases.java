package io.jawait.async.bench;

import static io.jawait.async.Async.async;
import static io.jawait.async.Async.gather;
import static io.jawait.async.Async.run;
import static io.jawait.async.Async.sleep;
import static io.jawait.async.Async.timeline;

import io.jawait.async.Coro;
import io.jawait.async.Mode;
import io.jawait.async.Timeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the wall time of {@code AsyncBench gather} goes, one line per repeat, read from the run's own timeline:
 * {@code started} (the last task began its sleep: each deadline counts from there, so this adds to the wall
 * directly), {@code first_wake}, {@code last_wake}, {@code main_done} (gather returned and main finished), and
 * {@code wall} (run returned), all in seconds from the start of the run; then the CPU milliseconds each kind of
 * thread used during the repeat (from /proc, 10 ms ticks): {@code gc} (the VM thread: Serial's pauses),
 * {@code carriers}, {@code c2} and {@code c1} (the JIT compilers, which share the two cores with the carriers).
 *
 * <p>{@code java <kernel flags> -cp ... io.jawait.async.bench.AsyncPhases <VIRTUAL|LOOP> <tasks> <repeats> [warmup]}
 */
public final class AsyncPhases {
    private static final String[] THREADS = {"VM Thread", "ForkJoinPool", "C2 CompilerThre", "C1 CompilerThre"};
    private static final String[] LABELS = {"gc", "carriers", "c2", "c1"};

    private AsyncPhases() {
    }

    public static void main(String[] args) throws Exception {
        Mode mode = Mode.valueOf(args[0]);
        int tasks = Integer.parseInt(args[1]);
        int repeats = Integer.parseInt(args[2]);
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        for (int w = 0; w < 5 && warmup > 0; w++) {
            sleepers(mode, warmup, 0.01);
        }
        for (int r = 0; r < repeats; r++) {
            Map<String, Long> cpu0 = threadTicks();
            long t0 = System.nanoTime();
            sleepers(mode, tasks, 1);
            double wall = (System.nanoTime() - t0) / 1e9;
            Map<String, Long> cpu1 = threadTicks();
            StringBuilder line = new StringBuilder(phases(timeline())).append(String.format(" wall=%.3f", wall));
            for (int i = 0; i < THREADS.length; i++) {
                long ticks = cpu1.getOrDefault(THREADS[i], 0L) - cpu0.getOrDefault(THREADS[i], 0L);
                line.append(' ').append(LABELS[i]).append("_cpu_ms=").append(10 * ticks);
            }
            System.out.println("bench=phases mode=" + mode + " tasks=" + tasks + " " + line);
        }
    }

    private static void sleepers(Mode mode, int n, double seconds) throws Exception {
        List<Coro<Void>> coros = new ArrayList<>(n);
        run(async("main", () -> {
            for (int i = 0; i < n; i++) {
                coros.add(async("sleeper", () -> sleep(seconds)));
            }
            gather(coros);
        }), mode);
    }

    private static String phases(Timeline t) {
        long started = 0;
        long firstWake = Long.MAX_VALUE;
        long lastWake = 0;
        long mainDone = 0;
        for (Timeline.Row row : t.rows()) {
            long[] m = row.marks();
            if (row.name().equals("main")) {
                mainDone = row.done();
            } else if (m.length >= 3) {
                started = Math.max(started, m[1]);
                firstWake = Math.min(firstWake, m[2]);
                lastWake = Math.max(lastWake, m[2]);
            }
        }
        return String.format("started=%.3f first_wake=%.3f last_wake=%.3f main_done=%.3f",
                started / 1e9, firstWake / 1e9, lastWake / 1e9, mainDone / 1e9);
    }

    /** CPU clock ticks used so far by each kind of thread of this process (Linux). */
    private static Map<String, Long> threadTicks() throws IOException {
        Map<String, Long> ticks = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // utime and stime are the 14th and 15th fields of /proc/<pid>/task/<tid>/stat
                long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                ticks.merge(name.startsWith("ForkJoinPool") ? "ForkJoinPool" : name, used, Long::sum);
            }
        }
        return ticks;
    }
}
