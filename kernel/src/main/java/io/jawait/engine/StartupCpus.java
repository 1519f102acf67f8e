package io.jawait.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * While the kernel starts, the JIT's own threads are kept off one CPU, so that the engine thread compiling the
 * first cell has that CPU to itself; once the start-up is done they get every CPU back.
 *
 * <p>The first cell waits for javac's first compilation, and on a small machine the JIT competes with it for the
 * cores: with 2 CPUs, by the first {@code execute_reply} the compiler threads have used ~350 ms of CPU, replaying
 * the start-up cache's profiles, and the engine thread ~120 ms while it waited on the run queue about as long as
 * it ran. Nothing in the JDK sets another thread's CPUs, so this asks Linux's {@code taskset}; where that or
 * {@code /proc} is missing, or the process may use a single CPU, nothing changes.
 *
 * <p>A niced JIT (HotSpot's {@code -XX:CompilerThreadPriority}) answered as soon, but a process without
 * privileges cannot raise a thread's priority again, and a JIT niced for good would wait behind every busy
 * thread of a cell running on all cores, which timing experiments would show.
 */
public final class StartupCpus {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final StartupCpus KERNEL = new StartupCpus();

    private final CountDownLatch done = new CountDownLatch(1);
    private final CompletableFuture<String> confined = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();

    StartupCpus() {}

    /** For the kernel process, before anything else: {@link #start} once; the engine's start-up ends it. */
    public static void confineJitWhileStarting() {
        KERNEL.start();
    }

    /** The engine's start-up is over; any thread, any number of times, also when nothing was confined. */
    static void startupDone() {
        KERNEL.done();
    }

    /**
     * On a thread of its own, so that the caller goes on at once: moves the JIT's threads off the first CPU the
     * process may use, then, once {@link #done} is called, gives them every CPU again. Once; later calls do
     * nothing and return null.
     */
    Thread start() {
        if (!started.compareAndSet(false, true)) {
            return null;
        }
        return Thread.ofPlatform().daemon().name("jawait-startup-cpus").start(() -> {
            String all = allowedCpus();
            String others = all == null ? null : withoutFirst(all);
            if (others == null) {
                confined.complete(null);
                return;
            }
            setCpus(jitThreads(), others);
            confined.complete(others);
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // read again: a compiler thread the JVM added meanwhile may have been started by a confined one
            setCpus(jitThreads(), all);
        });
    }

    /** Lets the JIT's threads use every CPU again (when {@link #start}'s thread gets to it). */
    void done() {
        done.countDown();
    }

    /** Completes once the JIT's threads were sent to other CPUs, with those CPUs, or null when they were left. */
    CompletableFuture<String> confined() {
        return confined;
    }

    /** The CPUs this process may run on, as Linux lists them ({@code 0-3,6}), or null when it does not say. */
    static String allowedCpus() {
        try {
            return Files.readAllLines(STATUS).stream().filter(line -> line.startsWith("Cpus_allowed_list:"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse(null);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /**
     * The CPU list {@code list} without its lowest CPU, in {@code taskset}'s list form, or null when that leaves
     * none or the list cannot be read.
     */
    static String withoutFirst(String list) {
        SortedSet<Integer> cpus = parse(list);
        if (cpus == null || cpus.size() < 2) {
            return null;
        }
        return cpus.tailSet(cpus.first() + 1).stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The CPUs of a list in Linux's form ({@code 0-3,6}), or null when it is not one. */
    static SortedSet<Integer> parse(String list) {
        var cpus = new TreeSet<Integer>();
        try {
            for (String part : list.split(",")) {
                String[] range = part.strip().split("-");
                int from = Integer.parseInt(range[0]);
                int to = range.length == 2 ? Integer.parseInt(range[1]) : from;
                if (range.length > 2 || from < 0 || to < from) {
                    return null;
                }
                for (int cpu = from; cpu <= to; cpu++) {
                    cpus.add(cpu);
                }
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return cpus;
    }

    /**
     * The thread ids of HotSpot's compiler threads ({@code C1 CompilerThread0}, {@code C2 CompilerThread0}, Linux
     * keeps 15 characters of a name) and of the thread that replays the start-up cache's profiles to them.
     */
    static List<String> jitThreads() {
        var ids = new ArrayList<String>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                } catch (NoSuchFileException ended) {
                    continue;
                }
                if (name.contains(" CompilerT") || name.startsWith("Training replay")) {
                    ids.add(task.getFileName().toString());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
        return ids;
    }

    /** Asks {@code taskset} to put each of {@code threads} on {@code cpus}; failures change nothing. */
    static void setCpus(List<String> threads, String cpus) {
        if (threads.isEmpty()) {
            return;
        }
        var command = new ArrayList<>(List.of("sh", "-c", "for t; do taskset -p -c \"$0\" \"$t\"; done", cpus));
        command.addAll(threads);
        try {
            new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            // no shell: the JIT keeps every CPU
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
