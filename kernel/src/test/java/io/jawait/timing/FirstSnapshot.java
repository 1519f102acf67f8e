package io.jawait.timing;

/**
 * Prints the process CPU that the first two snapshots of a fresh JVM, taken back to back, measure between them:
 * {@link ResourceSnapshotTest} runs it in a JVM of its own.
 */
public final class FirstSnapshot {
    private FirstSnapshot() {}

    public static void main(String[] args) {
        ResourceSnapshot before = ResourceSnapshot.take();
        ResourceSnapshot after = ResourceSnapshot.takeEnd();
        System.out.println(after.processCpuNanos() - before.processCpuNanos());
    }
}
