package io.jawait.timing;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The machine and JVM a measurement was taken on: JDK, vendor, cores, garbage collectors, heap and flags.
 *
 * <p>Timings only mean something next to where they were taken; every timing result carries one of these.
 *
 * {@snippet :
 * Environment env = Environment.current();
 * System.out.println(env.jdk() + " on " + env.cores() + " cores");
 * }
 *
 * @param jdk       the Java runtime version, e.g. {@code 25+36-LTS}
 * @param vendor    the JVM vendor and name
 * @param os        the operating system and architecture
 * @param cores     processors available to the JVM
 * @param gcNames   the garbage collectors in use
 * @param maxHeap   the maximum heap size in bytes
 * @param jvmFlags  the JVM's input arguments
 */
public record Environment(String jdk, String vendor, String os, int cores, List<String> gcNames,
                          long maxHeap, List<String> jvmFlags) {

    public Environment {
        gcNames = List.copyOf(gcNames);
        jvmFlags = List.copyOf(jvmFlags);
    }

    /** The environment of the running JVM. */
    public static Environment current() {
        Runtime rt = Runtime.getRuntime();
        return new Environment(
                Runtime.version().toString(),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                rt.availableProcessors(),
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList(),
                rt.maxMemory(),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /** One line: JDK, vendor, cores, GC and heap. */
    public String summary() {
        return "JDK " + jdk + " (" + vendor + "), " + cores + " cores, GC " + String.join(" + ", gcNames)
                + ", max heap " + (maxHeap >> 20) + " MB";
    }

    @Override
    public String toString() {
        return "JDK:      " + jdk + "\n"
                + "VM:       " + vendor + "\n"
                + "OS:       " + os + "\n"
                + "Cores:    " + cores + "\n"
                + "GC:       " + String.join(", ", gcNames) + "\n"
                + "Max heap: " + (maxHeap >> 20) + " MB\n"
                + "Flags:    " + (jvmFlags.isEmpty() ? "(none)" : String.join(" ", jvmFlags));
    }
}
