package io.jawait.timing.bench;

import java.util.List;

/**
 * The statements both sides time: each one's {@code %timeit} text here and its JMH twin in
 * {@link JmhBenchmarks} are the same Java, reading the same inputs built by {@link #SETUP}.
 */
final class Workloads {
    private Workloads() {}

    /** A statement timed by %timeit and by the JMH method of the same name. */
    record Workload(String name, String statement) {}

    /** Cells that build the inputs in the JShell session; {@link JmhBenchmarks#setup} builds the same ones. */
    static final List<String> SETUP = List.of(
            "double x = 12345.678;",
            "int n = 4711; String host = \"example.org\";",
            "Random rnd = new Random(42); int[] data = rnd.ints(1000).toArray();",
            "String[] keys = new String[1000]; HashMap<String, Integer> map = new HashMap<>();\n"
                    + "for (int i = 0; i < 1000; i++) { keys[i] = \"key\" + i; map.put(keys[i], i); }");

    static final List<Workload> ALL = List.of(
            new Workload("sqrt", "Math.sqrt(x)"),
            new Workload("stringBuilding",
                    "new StringBuilder(32).append(\"user-\").append(n).append('@').append(host).toString()"),
            new Workload("arrayList", "var l = new ArrayList<Integer>(); for (int i = 0; i < 1000; i++) l.add(i); "
                    + "long s = 0; for (int i = 0; i < 1000; i++) s += l.get(i); s"),
            new Workload("hashMapLookups", "int s = 0; for (int i = 0; i < 1000; i++) s += map.get(keys[i]); s"),
            new Workload("sort", "int[] a = data.clone(); Arrays.sort(a); a"));

    static final Workload EMPTY = new Workload("empty", ";");

    /** {@code {"setup": [...], "workloads": [[name, statement], ...], "empty": statement}}, for the kernel driver. */
    static String json() {
        StringBuilder b = new StringBuilder("{\"setup\": [");
        b.append(String.join(", ", SETUP.stream().map(Workloads::quoted).toList()));
        b.append("], \"workloads\": [");
        b.append(String.join(", ", ALL.stream().map(w -> "[" + quoted(w.name()) + ", " + quoted(w.statement()) + "]")
                .toList()));
        return b.append("], \"empty\": ").append(quoted(EMPTY.statement())).append('}').toString();
    }

    private static String quoted(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
