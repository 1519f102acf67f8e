package io.jawait.timing.bench;

import java.util.HashMap;
import java.util.Random;

/**
 * The inputs of {@link Workloads}, as static fields a statement timed by {@code %timeit -f} can read: a fork
 * has none of the session's variables, and the bench's kernel imports these statically
 * ({@code import static io.jawait.timing.bench.ForkInputs.*;}). In the session its own variables of the same
 * names win over that import; in the fork these are what the names mean. Fields that are not final, as
 * {@link JmhBenchmarks}' state is, so that the JIT cannot fold them into constants; built as
 * {@link Workloads#SETUP} and {@link JmhBenchmarks#setup} build theirs.
 */
public final class ForkInputs {
    public static double x = 12345.678;
    public static int n = 4711;
    public static String host = "example.org";
    public static int[] data = new Random(42).ints(1000).toArray();
    public static String[] keys = new String[1000];
    public static HashMap<String, Integer> map = new HashMap<>();

    static {
        for (int i = 0; i < 1000; i++) {
            keys[i] = "key" + i;
            map.put(keys[i], i);
        }
    }

    private ForkInputs() {}
}
