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
    double x;
    int n;
    String host;
    int[] data;
    String[] keys;
    HashMap<String, Integer> map;

    @Setup
    public void setup() {
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
