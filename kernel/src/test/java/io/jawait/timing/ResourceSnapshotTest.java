package io.jawait.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceSnapshotTest {

    private static final long TICK = 10_000_000L;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private volatile double spinResult;

    @Test
    void process_cpu_is_read_finer_than_the_ten_millisecond_clock_tick() {
        assertTrue(ProcessCpu.read().isPresent() || !System.getProperty("os.name").startsWith("Linux"),
                "getrusage should be readable on Linux");
        List<Long> deltas = new ArrayList<>();
        for (int attempt = 0; attempt < 20; attempt++) {
            ResourceSnapshot before = ResourceSnapshot.take();
            spinOwnCpu(1_000_000L);
            long delta = ResourceSnapshot.takeEnd().processCpuNanos() - before.processCpuNanos();
            deltas.add(delta);
            if (delta % TICK != 0) {
                return;
            }
        }
        throw new AssertionError("every process CPU difference was a whole number of clock ticks: " + deltas);
    }

    @Test
    void process_cpu_includes_the_callers_own_cpu_and_splits_into_user_and_system() {
        ResourceSnapshot before = ResourceSnapshot.take();
        long spun = spinOwnCpu(30_000_000L);
        ResourceSnapshot after = ResourceSnapshot.takeEnd();
        long process = after.processCpuNanos() - before.processCpuNanos();
        long split = after.userNanos() - before.userNanos() + after.systemNanos() - before.systemNanos();
        // getrusage rounds to microseconds; the tick fallback can lose up to a tick
        long slack = ProcessCpu.read().isPresent() ? 10_000L : TICK;
        assertTrue(process >= spun - slack, "process " + process + " ns < own " + spun + " ns");
        assertTrue(split > 0 && Math.abs(split - process) <= slack, "user+sys " + split + " vs total " + process);
    }

    @Test
    void the_first_measurement_of_a_jvm_does_not_count_what_reading_the_clock_first_costs() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), FirstSnapshot.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.waitFor(), out);
        // two reads back to back, in interpreted code: some tens of microseconds; linking the native segment's
        // accessors inside the measurement took 8.6 ms
        assertTrue(Long.parseLong(out) < 2_000_000L, "first measurement of nothing: " + out + " ns of CPU");
    }

    /** Burns this thread's CPU until it has used {@code nanos} more; returns what it used. */
    private long spinOwnCpu(long nanos) {
        long start = threads.getCurrentThreadCpuTime();
        double sink = 0;
        long used;
        do {
            for (int i = 0; i < 1_000; i++) {
                sink += Math.sqrt(i + sink);
            }
            used = threads.getCurrentThreadCpuTime() - start;
        } while (used < nanos);
        spinResult = sink;
        return used;
    }
}
