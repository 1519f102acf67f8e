package io.jawait.timing.bench;

import io.jawait.engine.JShellInterpreter;
import io.jawait.magic.Magics;
import io.jawait.protocol.ExecuteOutcome;
import io.jawait.protocol.ExecuteRequest;
import io.jawait.timing.Environment;
import io.jawait.timing.Statistics;
import io.jawait.timing.TimeFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Times each {@link Workloads} statement with {@code %timeit} through the engine, then with JMH (one fork),
 * and prints both means and their ratio; then the spread of five repeated {@code %timeit}s and the cost of
 * an empty statement. Figures, not a test: run it on a quiet machine (kernel/bench/timeit-vs-jmh.sh).
 */
public final class TimeitVsJmh {
    private static int count;

    private TimeitVsJmh() {}

    public static void main(String[] args) throws Exception {
        System.out.println(Environment.current().summary());
        JShellInterpreter engine = new JShellInterpreter(new Magics());
        Workloads.SETUP.forEach(cell -> exec(engine, cell));
        Map<String, Double> timeit = new LinkedHashMap<>();
        for (Workloads.Workload w : Workloads.ALL) {
            timeit.put(w.name(), timeitMean(engine, w.statement()));
            System.out.printf(Locale.ROOT, "%%timeit %-15s %s%n", w.name(), TimeFormat.seconds(timeit.get(w.name()), 3));
        }
        double[] repeats = new double[5];
        for (int i = 0; i < repeats.length; i++) {
            repeats[i] = timeitMean(engine, Workloads.ALL.getFirst().statement());
        }
        double empty = timeitMean(engine, Workloads.EMPTY.statement());
        engine.shutdown();
        Map<String, Double> jmh = jmh(args.length > 0 ? Integer.parseInt(args[0]) : 5);
        report(timeit, jmh, repeats, empty);
        System.exit(0);
    }

    private static double timeitMean(JShellInterpreter engine, String statement) {
        exec(engine, "var benchResult = %timeit -q -o " + statement);
        return Double.parseDouble(exec(engine, "benchResult.mean()"));
    }

    private static String exec(JShellInterpreter engine, String code) {
        var out = new io.jawait.display.CellOutput() {
            public void stdout(String text) { System.out.print(text); }
            public void stderr(String text) { System.err.print(text); }
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

    private static Map<String, Double> jmh(int iterations) throws Exception {
        var options = new OptionsBuilder().include(JmhBenchmarks.class.getName() + "\\.")
                .forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(1))
                .timeUnit(TimeUnit.NANOSECONDS).build();
        Map<String, Double> means = new LinkedHashMap<>();
        for (RunResult r : new Runner(options).run()) {
            String method = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            means.put(method, r.getPrimaryResult().getScore() / 1e9);
        }
        return means;
    }

    private static void report(Map<String, Double> timeit, Map<String, Double> jmh, double[] repeats, double empty) {
        System.out.println("\nbenchmark        %timeit      JMH          ratio (timeit/JMH)");
        List<Double> ratios = new ArrayList<>();
        timeit.forEach((name, t) -> {
            double j = jmh.get(name);
            ratios.add(t / j);
            System.out.printf(Locale.ROOT, "%-16s %-12s %-12s %.3f%n", name, TimeFormat.seconds(t, 3),
                    TimeFormat.seconds(j, 3), t / j);
        });
        Statistics spread = Statistics.of(repeats);
        System.out.printf(Locale.ROOT, "%n5 x %%timeit %s: %s; min %s, max %s, (max-min)/mean %.1f%%, std/mean %.1f%%%n",
                Workloads.ALL.getFirst().statement(), List.of(format(repeats)), TimeFormat.seconds(spread.best(), 3),
                TimeFormat.seconds(spread.worst(), 3), 100 * (spread.worst() - spread.best()) / spread.mean(),
                100 * spread.relativeStdev());
        System.out.printf(Locale.ROOT, "empty statement: %%timeit %s per loop (JMH empty(): %s)%n",
                TimeFormat.seconds(empty, 3), TimeFormat.seconds(jmh.getOrDefault("empty", Double.NaN), 3));
        System.out.println("The numbers above are just data: one machine, one run, other processes may share it.");
    }

    private static String[] format(double[] values) {
        String[] s = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            s[i] = TimeFormat.seconds(values[i], 3);
        }
        return s;
    }
}
