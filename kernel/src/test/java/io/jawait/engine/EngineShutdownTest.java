package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.magic.Magics;
import io.jawait.protocol.ExecuteRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An engine that is shut down leaves nothing behind that fails later on another thread. */
class EngineShutdownTest {
    /**
     * The notebook runner shuts one notebook's engine down and starts the next one's in the same JVM. The deferred
     * start-up's timer of an engine shut down within its first quiet second used to fire afterwards and fail on a
     * common-pool thread with a RejectedExecutionException, printed into whatever cell was running then.
     */
    @Test
    void the_deferred_start_up_timer_of_an_engine_shut_down_early_fails_nowhere() throws Exception {
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        try {
            var interpreter = new JShellInterpreter(new Magics());
            // a cell runs after the start-up, whose end arms the timer
            interpreter.execute(new ExecuteRequest("1 + 1", false, false, false, Map.of(), 1), new RecordingOutput(false));
            interpreter.shutdown();
            // CompletableFuture's delayer runs its timers in deadline order on one thread: once this later one has
            // fired, the engine's timer has handed its check to the common pool, which is then waited for
            var later = new CompletableFuture<Void>();
            CompletableFuture.delayedExecutor(JShellInterpreter.STARTUP_QUIET.toMillis() + 100, TimeUnit.MILLISECONDS)
                    .execute(() -> later.complete(null));
            later.get(30, TimeUnit.SECONDS);
            assertTrue(ForkJoinPool.commonPool().awaitQuiescence(30, TimeUnit.SECONDS));
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertEquals(List.of(), uncaught);
    }
}
