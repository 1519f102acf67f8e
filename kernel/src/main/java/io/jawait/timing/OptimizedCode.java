package io.jawait.timing;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Whether HotSpot's optimizing compiler (C2, tier 4) has compiled a loop class's {@code timeLoops}, read from
 * the code list that {@code jcmd PID Compiler.codelist} prints, through the platform MBean server.
 *
 * <p>Why {@link TimeitRunner} asks: the loop's own C2 compilation is triggered by its back-edge count (about
 * 40,000 iterations), not by time, so for a statement that takes microseconds a second of warm-up can end with
 * the loop still in C1 code, which profiles every call and branch. Measured in the kernel: {@code Arrays.sort}
 * of 1,000 ints ran its first measured run at 17 µs per loop, the next ones at 6.2 µs, because C2 compiled the
 * loop 0.6 s after warm-up had ended. On a JVM without the diagnostic command the answer is always true, and
 * warm-up falls back to its time and JIT-activity rules.
 */
final class OptimizedCode {
    private static final String TIER4 = "4";
    private static final String IN_USE = "0";
    private static volatile boolean unavailable;

    private OptimizedCode() {}

    /** True when an in-use C2 compilation of {@code loopClass.timeLoops} exists, or when HotSpot cannot say. */
    static boolean optimized(Class<?> loopClass) {
        if (unavailable) {
            return true;
        }
        try {
            Object list = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerCodelist",
                    new Object[] {null}, new String[] {String[].class.getName()});
            return list instanceof String s && listsOptimized(s, loopClass.getName());
        } catch (JMException | RuntimeException e) {
            unavailable = true; // not HotSpot, or the command is hidden: warm up by time and JIT activity
            return true;
        }
    }

    /**
     * True when {@code codelist} (lines of {@code id level state Class.method(signature) [addresses]}) holds an
     * in-use tier 4 compilation of {@code className}'s {@code timeLoops}, a standard or an on-stack-replacement one.
     */
    static boolean listsOptimized(String codelist, String className) {
        String method = className + ".timeLoops(";
        return codelist.lines().map(line -> line.strip().split(" ", 5)).anyMatch(f -> f.length >= 4
                && f[1].equals(TIER4) && f[2].equals(IN_USE) && f[3].startsWith(method));
    }
}
