package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs jdk.jshell opened to the tests, as the kernel jar's manifest opens it to the kernel (see the pom). */
class IndexingPauseTest {
    private JShell shell;
    private SourceCodeAnalysis analysis;

    @BeforeEach
    void createShell() {
        shell = JShell.builder().executionEngine("local").build();
        analysis = shell.sourceCodeAnalysis();
    }

    @AfterEach
    void closeShell() {
        shell.close();
    }

    @Test
    void a_held_index_is_not_built_until_released(@TempDir Path dir) throws Exception {
        // the JDK indexed once (JShell keeps that per JVM), so that an indexing run let go is over in moments
        waitForIndex(analysis);
        var pause = IndexingPause.hold(analysis);
        assertTrue(pause.held(), "the kernel reaches JShell's switch");
        // a class-path change queues a fresh indexing run, whatever the first one had done before the hold
        Files.writeString(dir.resolve("Marker.java"), "class Marker {}");
        shell.addToClasspath(dir.toString());
        var indexed = CompletableFuture.runAsync(() -> waitForIndex(analysis));
        assertThrows(TimeoutException.class, () -> indexed.get(500, TimeUnit.MILLISECONDS));
        pause.release();
        indexed.get(60, TimeUnit.SECONDS);
        assertFalse(pause.held());
    }

    @Test
    void indexing_goes_on_after_a_quiet_time_and_not_while_a_cell_runs() throws Exception {
        var pause = IndexingPause.hold(analysis, Duration.ofMillis(20));
        for (int i = 0; i < 10; i++) {
            pause.releaseWhenIdle(() -> true);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400);
        while (System.nanoTime() < deadline) {
            assertTrue(pause.held(), "released while a cell was running");
            Thread.onSpinWait();
        }
        pause.releaseWhenIdle(() -> false);
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pause.held() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertFalse(pause.held(), "still held after a quiet time");
    }

    /** JShell's own wait for its index (public on the implementation, which the opened package lets us call). */
    private static void waitForIndex(SourceCodeAnalysis analysis) {
        try {
            var wait = analysis.getClass().getMethod("waitBackgroundTaskFinished");
            wait.setAccessible(true);
            wait.invoke(analysis);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
