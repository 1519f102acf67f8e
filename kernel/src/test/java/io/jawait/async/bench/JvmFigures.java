package io.jawait.async.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the JVM says about the benchmark's process: CPU, allocation, collections, heap and resident memory. */
final class JvmFigures {
    private JvmFigures() {
    }

    static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static long allocatedBytes() {
        return ((ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            // G1's "Concurrent GC" bean times cycles that run beside the program; only pauses stop it
            if (!gc.getName().contains("Concurrent")) {
                sum += gc.getCollectionTime();
            }
        }
        return sum;
    }

    /**
     * Collections so far per collector, e.g. {@code Copy:40/MarkSweepCompact:0} for Serial: with no full
     * collection the old generation still holds every task earlier runs promoted, so the heap (and the peak
     * resident set) grows run after run.
     */
    static String collections() {
        StringBuilder b = new StringBuilder();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            b.append(b.isEmpty() ? "" : "/").append(gc.getName().replace(' ', '_')).append(':')
                    .append(gc.getCollectionCount());
        }
        return b.toString();
    }

    /** The heap's committed size now, in MB: most of the resident set when the heap has grown. */
    static double heapCommittedMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1048576.0;
    }

    static double peakRssMb() throws IOException {
        return statusMb("VmHWM:");
    }

    static double rssMb() throws IOException {
        return statusMb("VmRSS:");
    }

    /**
     * Sets the peak resident set ({@link #peakRssMb()}) back to the resident set now, so that the next peak read
     * belongs to what runs in between (Linux 4.0 and later: {@code clear_refs} value 5); false where it cannot.
     */
    static boolean resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static double statusMb(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
