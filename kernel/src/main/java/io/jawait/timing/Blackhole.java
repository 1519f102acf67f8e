package io.jawait.timing;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Consumes values so that the JIT compiler cannot prove them unused and delete the work that made them.
 *
 * <p>Two ways, chosen once per JVM. When the JVM was started with {@link #COMPILE_COMMAND} (and
 * {@code -XX:+UnlockExperimentalVMOptions}), {@code consume} hands the value to a static method HotSpot treats
 * as a compiler blackhole, as JMH does on JDK 17 and later: the value must be computed, yet consuming it costs
 * nothing. Otherwise each {@code consume} compares the value with two volatile fields that never both hold it,
 * JMH's older blackhole: just as sound, but it adds two loads and a compare to every loop.
 *
 * {@snippet :
 * Blackhole bh = new Blackhole();
 * for (int i = 0; i < 1_000; i++) { bh.consume(Math.sqrt(i)); }
 * }
 */
public final class Blackhole {
    /** The JVM option that turns {@code consume} into a compiler blackhole; the kernelspec passes it. */
    public static final String COMPILE_COMMAND = "-XX:CompileCommand=blackhole,io.jawait.timing.Blackhole::sink";

    // a constant, so the JIT folds away the branch that is not taken
    private static final boolean COMPILER = compilerBlackholeEnabled();

    private volatile int i1 = 1;
    private volatile int i2 = 2;
    private volatile long l1 = 1;
    private volatile long l2 = 2;
    private volatile double d1 = 1;
    private volatile double d2 = 2;
    private volatile Object o1 = new Object();
    private volatile boolean never;
    private Object sink;

    /** True when consuming uses HotSpot's compiler blackhole, false when it uses volatile fields. */
    public static boolean compilerAssisted() {
        return COMPILER;
    }

    public void consume(boolean v) { if (COMPILER) { sink(v); } else if (v & i1 == i2) { never = true; } }

    public void consume(int v) { if (COMPILER) { sink(v); } else if (v == i1 & v == i2) { never = true; } }

    public void consume(long v) { if (COMPILER) { sink(v); } else if (v == l1 & v == l2) { never = true; } }

    public void consume(float v) { if (COMPILER) { sink(v); } else if (v == d1 & v == d2) { never = true; } }

    public void consume(double v) { if (COMPILER) { sink(v); } else if (v == d1 & v == d2) { never = true; } }

    public void consume(char v) { consume((int) v); }

    public void consume(byte v) { consume((int) v); }

    public void consume(short v) { consume((int) v); }

    /** Consumes a reference; the object stays reachable only while it is the latest one consumed. */
    public void consume(Object v) {
        if (COMPILER) {
            sink(v);
        } else if (v == o1) {
            sink = v;
        }
    }

    /** True only if a consumed value matched a guard field, which never happens; keeps the fields alive. */
    boolean tripped() {
        return never || sink != null;
    }

    // Empty on purpose: with the compile command, compiled code keeps each argument alive here; the
    // interpreter and C1 do not delete unused work, so they need nothing more.
    private static void sink(boolean v) {}

    private static void sink(int v) {}

    private static void sink(long v) {}

    private static void sink(float v) {}

    private static void sink(double v) {}

    private static void sink(Object v) {}

    /** Reads the JVM's own view of its options, so flags from JAVA_TOOL_OPTIONS or a kernelspec count alike. */
    static boolean compilerBlackholeEnabled() {
        try {
            var vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return vm != null && Boolean.parseBoolean(vm.getVMOption("UnlockExperimentalVMOptions").getValue())
                    && namesSink(vm.getVMOption("CompileCommand").getValue());
        } catch (IllegalArgumentException | UnsupportedOperationException | SecurityException e) {
            return false; // not HotSpot, or options hidden: the volatile way is always sound
        }
    }

    /** True when one of the compile commands (one per line) makes {@code sink} a blackhole. */
    static boolean namesSink(String compileCommands) {
        String wanted = COMPILE_COMMAND.substring("-XX:CompileCommand=".length());
        return compileCommands.lines()
                .map(c -> c.strip().replace('/', '.').replace("Blackhole.sink", "Blackhole::sink"))
                .anyMatch(wanted::equals);
    }
}
