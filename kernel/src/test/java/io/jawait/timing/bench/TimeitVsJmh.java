package io.jawait.timing.bench;

import io.jawait.engine.JShellInterpreter;
import io.jawait.magic.Magics;
import io.jawait.protocol.ExecuteOutcome;
import io.jawait.protocol.ExecuteRequest;
import io.jawait.timing.Environment;
import io.jawait.timing.Statistics;
import io.jawait.timing.TimeFormat;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Times each {@link Workloads} statement with {@code %timeit} through the engine, then with JMH (one fork),
 * and prints both means and their ratio; then the spread of five repeated {@code %timeit}s and the cost of
 * an empty statement. Figures, not a test: run it on a quiet machine (kernel/bench/timeit-vs-jmh.sh).
 *
 * <p>JShell weaves a stop check (a volatile read, so that interrupt can end any loop) before every backward
 * branch of snippet code, the statements' own loops included, and JMH's twins have none: measured in a plain
 * JVM, it made the hash-map loop 57% slower (5.2 against 8.2 µs) and the array-list one 8% slower. %timeit
 * therefore measures a copy of its loop without those checks ({@code io.jawait.engine.MeasuredCopies}).
 *
 * <p>Each statement is also timed by JMH inside this JVM (no fork), right after its {@code %timeit}: the same
 * JVM state (JDK methods whose profiles javac trained, a heap holding JShell's state) under JMH's own harness.
 * When %timeit agrees with that column and not with the fork, the gap lies in the JVM, not in %timeit's loop.
 * kernel/bench/timeit-vs-jmh.sh gives this JVM the compiler hints and blackhole command JMH gives its forks.
 *
 * <p>The kernel-process driver also counts the collections on every side ({@link #gcSnapshot} around each cell, JMH's
 * GC profiler in the fork). One run, 3 rounds: ArrayList's young collections paused 70 µs each in the kernel against
 * 25 µs in the fork, 8.2% of %timeit's time against 3.8%; taking both shares out moved %timeit/fork from 1.20 to 1.15,
 * so the collectors' own time is part of the gap and the rest lies outside it (not measured; candidates are bringing
 * the threads to a safepoint and the caches refilled after each collection). JMH in the kernel pays all of it as
 * well: %timeit/kernel 1.01.
 *
 * <p>What ArrayList's gap (then 1.36-1.55 against the fork) is not, measured through the kernel with a JMH fork of the
 * same flags: TLABs (the timing thread's desired size 195 KB in the kernel, 197 KB in the fork, 50 refills per
 * collection on both sides, no slow allocations: -Xlog:gc+tlab=trace), nor how often young collections come (eden
 * 9,856 KB on both sides, 300-500 a second). What it partly is: each collection costs more in the kernel, 0.2-0.55 ms
 * against 0.1-0.27 ms (-Xlog:gc), and perf puts the VM thread at 15% of the timing thread's samples against 8% in the
 * fork. The extra is root scanning that grows with the kernel's JVM: WeakProcessor::weak_oops_do (412 against 107
 * samples), interpreted frames of idle kernel threads whose oop maps are computed again (frame::oops_interpreted_do,
 * ConstantPool::name_and_type_ref_index_at), class loader data and the cards of a 28 MB old generation. The inline
 * trees agree but for ArrayList.grow, inlined with its Arrays.copyOf intrinsic in the kernel and called by the fork
 * ("already compiled into a medium method"). In a plain JVM a loop class compiled first, on its first long call, traps
 * on its loop predicates and is recompiled without them (12.2 against 9.2 µs at best for a copy compiled later,
 * interleaved); in the kernel the copy traps only on the outer loop's exit, and measuring a fresh copy after warm-up
 * left the ratio where it was (commit 44ce403, reverted).
 */
public final class TimeitVsJmh {
    private static int count;
    // the engine routes System.out to the running cell; the report goes to the real console
    private static final java.io.PrintStream CONSOLE = System.out;
    private static final java.io.PrintStream CONSOLE_ERR = System.err;

    private TimeitVsJmh() {}

    /**
     * With {@code [iterations]}: the whole comparison, %timeit through the engine in this JVM. For the
     * kernel-process driver (kernel/bench/timeit_vs_jmh.py): {@code --workloads} prints the setup cells and
     * statements as JSON, {@code --jmh NAME [iterations [primed]]} runs one JMH benchmark in a fork (with
     * {@code primed}, a fork whose JDK profiles are primed: {@link JmhBenchmarks#primeJdkProfiles}) and prints
     * {@code jmh NAME MEAN BEST COLLECTIONS COLLECTION_MILLIS}, times in seconds.
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--workloads")) {
            CONSOLE.println(Workloads.json());
            return;
        }
        if (args.length > 1 && args[0].equals("--jmh")) {
            boolean primed = args.length > 3 && args[3].equals("primed");
            double[] r = jmh(args[1], args.length > 2 ? Integer.parseInt(args[2]) : 5, 1, primed);
            CONSOLE.printf(Locale.ROOT, "jmh %s %.6e %.6e %.0f %.0f%n", args[1], r[0], r[1], r[2], r[3]);
            return;
        }
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        CONSOLE.println(Environment.current().summary() + "; load average at start: " + loadAverage());
        CONSOLE.println("%timeit consumes values through " + (io.jawait.timing.Blackhole.compilerAssisted()
                ? "a compiler blackhole" : "volatile guards (no -XX:CompileCommand=blackhole for it)"));
        JShellInterpreter engine = new JShellInterpreter(new Magics());
        Workloads.SETUP.forEach(cell -> exec(engine, cell));
        Map<String, double[]> timeit = new LinkedHashMap<>();
        Map<String, double[]> jmh = new LinkedHashMap<>();
        Map<String, double[]> jmhHere = new LinkedHashMap<>();
        // each workload's measurements are taken back to back, so all see about the same machine load
        for (Workloads.Workload w : Workloads.ALL) {
            timeit.put(w.name(), timeitMeanAndBest(engine, w.statement()));
            jmhHere.put(w.name(), jmh(w.name(), iterations, 0, false));
            jmh.put(w.name(), jmh(w.name(), iterations, 1, false));
            CONSOLE.printf(Locale.ROOT, "%-15s %%timeit %s, JMH in this JVM %s, JMH fork %s%n", w.name(),
                    TimeFormat.seconds(timeit.get(w.name())[0], 3), TimeFormat.seconds(jmhHere.get(w.name())[0], 3),
                    TimeFormat.seconds(jmh.get(w.name())[0], 3));
        }
        double[] repeats = new double[5];
        for (int i = 0; i < repeats.length; i++) {
            repeats[i] = timeitMeanAndBest(engine, Workloads.ALL.getFirst().statement())[0];
        }
        double empty = timeitMeanAndBest(engine, Workloads.EMPTY.statement())[0];
        engine.shutdown();
        jmh.put("empty", jmh("empty", iterations, 1, false));
        report(timeit, jmhHere, jmh, repeats, empty);
        CONSOLE.println("load average at end: " + loadAverage());
        System.exit(0);
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** Mean and best seconds per loop. */
    private static double[] timeitMeanAndBest(JShellInterpreter engine, String statement) {
        exec(engine, "var benchResult = %timeit -q -o " + statement);
        return new double[] {Double.parseDouble(exec(engine, "benchResult.mean()")),
                Double.parseDouble(exec(engine, "benchResult.best()"))};
    }

    private static String exec(JShellInterpreter engine, String code) {
        var out = new io.jawait.display.CellOutput() {
            public void stdout(String text) { CONSOLE.print(text); }
            public void stderr(String text) { CONSOLE_ERR.print(text); }
            public void display(io.jawait.display.MimeBundle b, String id, boolean update) {}
            public void clearOutput(boolean wait) {}
            public String input(String prompt, boolean password) { return ""; }
            public void flush() {}
        };
        ExecuteOutcome outcome = engine.execute(new ExecuteRequest(code, false, true, true, Map.of(), ++count), out);
        if (outcome instanceof ExecuteOutcome.Error e) {
            throw new IllegalStateException(code + " failed: " + e.ename() + ": " + e.evalue());
        }
        var result = ((ExecuteOutcome.Ok) outcome).result();
        return result == null ? null : (String) result.data().get("text/plain");
    }

    /**
     * For the kernel-process driver, from a cell: JMH runs one benchmark in the calling JVM (the kernel's, with
     * JShell's heap and javac's profiles), no fork, and returns its mean and best seconds per operation as
     * {@code "MEAN BEST"}. The kernel needs JMH's compiler hints and blackhole flags for this to be JMH as its forks
     * run it (kernel/bench/timeit_vs_jmh.py starts it with them).
     */
    public static String inThisJvm(String method, int iterations) throws Exception {
        double[] r = jmh(method, iterations, 0, false);
        return String.format(Locale.ROOT, "%.6e %.6e", r[0], r[1]);
    }

    /**
     * For the kernel-process driver, from a cell: {@code "NANOS COUNT MILLIS"}, this JVM's clock and its
     * collectors' total collections and collection time so far, so that the driver can tell what share of a
     * measurement the young collections took.
     */
    public static String gcSnapshot() {
        long count = 0;
        long millis = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return System.nanoTime() + " " + count + " " + millis;
    }

    /**
     * Mean and best (fastest iteration) seconds per operation of one JMH benchmark, then, with a fork, the
     * collections and collection milliseconds of its measured iterations (JMH's GC profiler, in the fork); 0
     * forks: in this JVM, without the profiler. {@code primed} primes the fork's JDK profiles first.
     */
    private static double[] jmh(String method, int iterations, int forks, boolean primed) throws Exception {
        var builder = new OptionsBuilder().include(JmhBenchmarks.class.getName() + "\\." + method + "$");
        if (forks > 0) {
            builder.addProfiler(GCProfiler.class);
        }
        if (primed) {
            // the fork keeps this JVM's arguments (JMH's default) and gets this one on top
            builder.jvmArgsAppend("-D" + JmhBenchmarks.PRIME_PROPERTY + "=true");
        }
        var options = builder.forks(forks).verbosity(forks == 0 ? VerboseMode.SILENT : VerboseMode.NORMAL)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(1))
                .timeUnit(TimeUnit.NANOSECONDS).build();
        RunResult r = new Runner(options).runSingle();
        double best = r.getBenchmarkResults().stream().flatMap(b -> b.getIterationResults().stream())
                .mapToDouble(i -> i.getPrimaryResult().getScore()).min().orElse(Double.NaN);
        var secondary = r.getSecondaryResults();
        return new double[] {r.getPrimaryResult().getScore() / 1e9, best / 1e9,
                secondary.containsKey("gc.count") ? secondary.get("gc.count").getScore() : Double.NaN,
                secondary.containsKey("gc.time") ? secondary.get("gc.time").getScore() : Double.NaN};
    }

    private static void report(Map<String, double[]> timeit, Map<String, double[]> jmhHere, Map<String, double[]> jmh,
                               double[] repeats, double empty) {
        CONSOLE.println("\nmeans per operation; JMH here = in this JVM, no fork");
        CONSOLE.println("benchmark        %timeit      JMH here     JMH fork     /JMH here  /JMH fork");
        timeit.forEach((name, t) -> {
            double here = jmhHere.get(name)[0];
            double fork = jmh.get(name)[0];
            CONSOLE.printf(Locale.ROOT, "%-16s %-12s %-12s %-12s %.3f      %.3f%n", name, TimeFormat.seconds(t[0], 3),
                    TimeFormat.seconds(here, 3), TimeFormat.seconds(fork, 3), t[0] / here, t[0] / fork);
        });
        Statistics spread = Statistics.of(repeats);
        CONSOLE.printf(Locale.ROOT, "%n5 x %%timeit %s: %s; (max-min)/mean %.1f%%, std/mean %.1f%%%n",
                Workloads.ALL.getFirst().statement(), List.of(format(repeats)),
                100 * (spread.worst() - spread.best()) / spread.mean(), 100 * spread.relativeStdev());
        CONSOLE.printf(Locale.ROOT, "empty statement: %%timeit %s per loop (JMH empty(): %s)%n",
                TimeFormat.seconds(empty, 3), TimeFormat.seconds(jmh.get("empty")[0], 3));
        CONSOLE.println("The numbers above are just data: one machine, one run, other processes may share it.");
    }

    private static String[] format(double[] values) {
        String[] s = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            s[i] = TimeFormat.seconds(values[i], 3);
        }
        return s;
    }
}
