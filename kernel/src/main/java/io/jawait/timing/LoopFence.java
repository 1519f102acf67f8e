package io.jawait.timing;

/** The volatile field {@link TimedLoop#checkpoint()} reads; nothing ever writes it. */
final class LoopFence {
    private static volatile boolean never;

    private LoopFence() {}

    /**
     * One volatile read, tested as JShell's stop check tests its flag: the JIT keeps it in every iteration and
     * moves no later read of memory above it, so each iteration reads the statement's fields afresh.
     */
    static void check() {
        if (never) {
            throw new IllegalStateException("LoopFence is never set");
        }
    }
}
