package io.jawait.engine;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Holds back JShell's class-path index until the kernel is idle. JShell starts indexing every class of the JDK
 * and the class path on a thread of its own as soon as its source analysis exists, which the kernel needs at once
 * to split cells, and pauses it only while a snippet evaluates; the indexing, and the JIT compiling it, then take
 * CPU between the snippets of the first cells on a two-core machine for a few seconds. Only completion of names not
 * yet imported reads the index, so indexing waits for the first completion or inspection request, or for a
 * second with no cell running; a notebook run cell after cell, headless, never pays for it.
 *
 * <p>The switch is JShell's own ({@code suspendIndexing}/{@code resumeIndexing}, which its completion uses), on a
 * class the jdk.jshell module does not export; the kernel jar's manifest opens the package. Where it is not open
 * (the engine run from a test's class path) or the methods are gone, indexing simply runs as JShell starts it.
 */
final class IndexingPause {
    private static final Duration IDLE = Duration.ofSeconds(1);
    private final SourceCodeAnalysis analysis;
    private final Method resume;
    private final long idleNanos;
    private boolean held;
    private volatile long lastBusy = System.nanoTime();

    private IndexingPause(SourceCodeAnalysis analysis, Method resume, boolean held, Duration idle) {
        this.analysis = analysis;
        this.resume = resume;
        this.held = held;
        this.idleNanos = idle.toNanos();
    }

    /** Suspends the indexing of {@code analysis} if JShell lets the kernel reach the switch. */
    static IndexingPause hold(SourceCodeAnalysis analysis) {
        return hold(analysis, IDLE);
    }

    /** As {@link #hold(SourceCodeAnalysis)}, with {@code idle} as the quiet time that lets indexing go on. */
    static IndexingPause hold(SourceCodeAnalysis analysis, Duration idle) {
        try {
            Method suspend = analysis.getClass().getMethod("suspendIndexing");
            Method resume = analysis.getClass().getMethod("resumeIndexing");
            suspend.setAccessible(true);
            resume.setAccessible(true);
            suspend.invoke(analysis);
            return new IndexingPause(analysis, resume, true, idle);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new IndexingPause(analysis, null, false, idle);
        }
    }

    /** Whether indexing is being held back now. */
    synchronized boolean held() {
        return held;
    }

    /** Notes activity now, and lets indexing go on if, a quiet time later, there has been none since. */
    void releaseWhenIdle(BooleanSupplier busy) {
        lastBusy = System.nanoTime();
        if (!held()) {
            return;
        }
        CompletableFuture.delayedExecutor(idleNanos, TimeUnit.NANOSECONDS).execute(() -> {
            if (!busy.getAsBoolean() && System.nanoTime() - lastBusy >= idleNanos) {
                release();
            }
        });
    }

    /** Lets indexing go on; later calls do nothing. */
    synchronized void release() {
        if (!held) {
            return;
        }
        held = false;
        try {
            resume.invoke(analysis);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // it was suspended through the same switch a moment ago; if resuming fails, completion of names
            // not imported goes without the index, as before the index is built
        }
    }
}
