package io.jawait.timing;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The process's user and system CPU time to the microsecond, from {@code getrusage(2)}: the source IPython's
 * {@code %time} reads. The JDK's own process CPU time counts in clock ticks on Linux (10 ms), which made a 1 ms
 * cell report 0 or 10 ms of CPU and a parallelism of 7 on two cores.
 *
 * <p>A measurement reads the clock between its own steps, so what a read costs after the call (at the start of a
 * measurement) or before it (at the end) is counted as the measured code's. Hence the buffer kept per thread, and
 * a first read when the class loads: the first access to a native segment links its accessors, 8.6 ms of
 * interpreted code in a fresh JVM, and {@code %time} reported that as the CPU of the session's first timed
 * statement (1.4 ms of CPU in a 51 µs wall time, a parallelism of 29 on two cores).
 *
 * <p>Only Linux on 64-bit hardware is read this way, where {@code struct rusage} starts with two
 * {@code struct timeval}s of two longs each; elsewhere, or when native access is refused, {@link #read} is
 * empty and the caller keeps the JDK's coarser figures.
 */
final class ProcessCpu {

    private static final int RUSAGE_SELF = 0;
    /** sizeof(struct rusage) on 64-bit Linux: two timevals, then fourteen longs. */
    private static final long RUSAGE_BYTES = 144;
    private static final MethodHandle GETRUSAGE = find();
    private static final ThreadLocal<MemorySegment> BUFFER =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(RUSAGE_BYTES, Long.BYTES));

    static {
        read(); // links what a read uses now, not inside the first measurement
    }

    private ProcessCpu() {}

    /** User and system CPU of every thread the process has had, in nanoseconds; empty when unavailable. */
    static Optional<long[]> read() {
        if (GETRUSAGE == null) {
            return Optional.empty();
        }
        try {
            MemorySegment usage = BUFFER.get();
            if ((int) GETRUSAGE.invokeExact(RUSAGE_SELF, usage) != 0) {
                return Optional.empty();
            }
            return Optional.of(new long[] {timeval(usage, 0), timeval(usage, 16)});
        } catch (Throwable e) {
            return Optional.empty();
        }
    }

    private static long timeval(MemorySegment usage, long offset) {
        long seconds = usage.get(ValueLayout.JAVA_LONG, offset);
        long micros = usage.get(ValueLayout.JAVA_LONG, offset + Long.BYTES);
        return seconds * 1_000_000_000L + micros * 1_000L;
    }

    private static MethodHandle find() {
        boolean linux64 = System.getProperty("os.name", "").startsWith("Linux")
                && "64".equals(System.getProperty("sun.arch.data.model"));
        if (!linux64) {
            return null;
        }
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("getrusage")
                    .map(address -> linker.downcallHandle(address,
                            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS)))
                    .orElse(null);
        } catch (RuntimeException e) {
            // IllegalCallerException when the JVM runs with --illegal-native-access=deny
            return null;
        }
    }
}
