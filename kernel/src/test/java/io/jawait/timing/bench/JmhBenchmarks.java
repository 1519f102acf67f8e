package io.jawait.timing.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** JMH twins of {@link Workloads}: same statements, same inputs, values returned so JMH consumes them. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JmhBenchmarks {
    /** The system property that makes {@link #setup} call {@link #primeJdkProfiles} first. */
    static final String PRIME_PROPERTY = "jawait.bench.primeJdkProfiles";
    static long primed;

    double x;
    int n;
    String host;
    int[] data;
    String[] keys;
    HashMap<String, Integer> map;

    @Setup
    public void setup() {
        if (Boolean.getBoolean(PRIME_PROPERTY)) {
            primed = primeJdkProfiles();
        }
        x = 12345.678;
        n = 4711;
        host = "example.org";
        data = new Random(42).ints(1000).toArray();
        keys = new String[1000];
        map = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            keys[i] = "key" + i;
            map.put(keys[i], i);
        }
    }

    /**
     * Makes two JDK branches take their rare side, as they have in a JVM that has run a JShell session, and so in
     * the kernel's: {@code Integer.valueOf} of a value below its cache, and an {@code ArrayList} made with capacity
     * 0 growing (in {@code grow}, an empty array other than the default one). A fresh JVM has only ever seen the
     * common side, so C2 leaves the other out of {@link #arrayList} (an uncommon trap in its place), and that
     * simpler loop body gets compiled to larger, faster code. Measured with JMH in one fresh JVM per run, kernel
     * flags, after each priming (the same statements in {@code main}): none 1.81-1.90 us in 12 runs of 13 (2.05 in
     * one) and 8.7 KB of code for the benchmark stub; Integer.valueOf only 2.03 us, grow only 2.10 us, both 2.08
     * us, each with 5.6 KB; after one JShell session of nine snippets and no priming 2.10-2.20 us in 11 runs of 11,
     * with 5.6 KB. The C2 inline trees were the same throughout; only those two branch profiles differed
     * (-XX:+LogCompilation).
     */
    static long primeJdkProfiles() {
        long sum = 0;
        for (int i = 0; i < 20_000; i++) {
            sum += Integer.valueOf(-200 - i % 50).hashCode();
            var list = new ArrayList<Integer>(0);
            list.add(i);
            sum += list.size();
        }
        return sum;
    }

    @Benchmark
    public double sqrt() {
        return Math.sqrt(x);
    }

    @Benchmark
    public String stringBuilding() {
        return new StringBuilder(32).append("user-").append(n).append('@').append(host).toString();
    }

    @Benchmark
    public long arrayList() {
        var l = new ArrayList<Integer>();
        for (int i = 0; i < 1000; i++) l.add(i);
        long s = 0;
        for (int i = 0; i < 1000; i++) s += l.get(i);
        return s;
    }

    @Benchmark
    public int hashMapLookups() {
        int s = 0;
        for (int i = 0; i < 1000; i++) s += map.get(keys[i]);
        return s;
    }

    @Benchmark
    public int[] sort() {
        int[] a = data.clone();
        Arrays.sort(a);
        return a;
    }

    @Benchmark
    public void empty() {
    }
}
