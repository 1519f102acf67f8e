package io.jawait.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;

class IdleCollectorTest {
    /** A timer that runs nothing by itself: the test fires the last scheduled task when it chooses. */
    private static final class ManualTimer implements IdleCollector.Timer {
        FutureTask<Void> last;
        Duration delay;

        @Override
        public Future<?> after(Duration delay, Runnable task) {
            this.delay = delay;
            last = new FutureTask<>(task, null);
            return last;
        }

        void fire() {
            last.run();
        }
    }

    private final ManualTimer timer = new ManualTimer();
    private long used = 10 << 20;
    private int collections;
    private long usedAfter = 12 << 20;
    private Runnable duringCollection = () -> { };
    private final IdleCollector collector = new IdleCollector(timer, () -> used, () -> {
        collections++;
        duringCollection.run();
        used = usedAfter;
    });

    @Test
    void a_request_that_grew_the_heap_is_followed_by_one_collection_after_a_second_of_idle() {
        collector.requestStarted();
        used += IdleCollector.GROWTH_BYTES;
        collector.requestEnded();
        assertEquals(IdleCollector.IDLE, timer.delay);
        timer.fire();
        assertEquals(1, collections);
    }

    @Test
    void a_request_that_arrives_within_the_second_cancels_the_collection() {
        collector.requestStarted();
        used += IdleCollector.GROWTH_BYTES;
        collector.requestEnded();
        var first = timer.last;
        collector.requestStarted();
        assertTrue(first.isCancelled());
        timer.fire();
        assertEquals(0, collections);
    }

    @Test
    void a_timer_task_that_fires_after_a_newer_request_began_does_nothing() {
        collector.requestStarted();
        used += IdleCollector.GROWTH_BYTES;
        collector.requestEnded();
        var stale = timer.last;
        collector.requestStarted();
        stale.run();
        assertEquals(0, collections);
    }

    @Test
    void requests_that_barely_grew_the_heap_since_the_last_collection_schedule_nothing() {
        collector.requestStarted();
        used += IdleCollector.GROWTH_BYTES;
        collector.requestEnded();
        timer.fire();
        timer.last = null;
        collector.requestStarted();
        used += IdleCollector.GROWTH_BYTES / 2;
        collector.requestEnded();
        assertNull(timer.last);
        assertEquals(1, collections);
    }

    @Test
    void a_heap_grown_past_the_pressure_mark_is_collected_at_once_and_a_new_request_does_not_cancel_it() {
        collector.requestStarted();
        used += IdleCollector.PRESSURE_BYTES;
        collector.requestEnded();
        assertEquals(Duration.ZERO, timer.delay);
        var pressing = timer.last;
        collector.requestStarted();
        assertFalse(pressing.isCancelled());
        timer.fire();
        assertEquals(1, collections);
    }

    @Test
    void growth_just_under_the_pressure_mark_still_waits_for_idle() {
        collector.requestStarted();
        used += IdleCollector.PRESSURE_BYTES - 1;
        collector.requestEnded();
        assertEquals(IdleCollector.IDLE, timer.delay);
    }

    @Test
    void after_a_collection_that_left_a_large_heap_the_pressure_mark_is_as_large_as_what_it_left() {
        usedAfter = 4 * IdleCollector.PRESSURE_BYTES;
        collector.requestStarted();
        used += IdleCollector.PRESSURE_BYTES;
        collector.requestEnded();
        timer.fire();
        collector.requestStarted();
        used += 2 * IdleCollector.PRESSURE_BYTES;
        collector.requestEnded();
        assertEquals(IdleCollector.IDLE, timer.delay);
        collector.requestStarted();
        used += 2 * IdleCollector.PRESSURE_BYTES;
        collector.requestEnded();
        assertEquals(Duration.ZERO, timer.delay);
    }

    @Test
    void a_request_that_ends_while_a_collection_runs_schedules_no_second_one() {
        collector.requestStarted();
        used += IdleCollector.PRESSURE_BYTES;
        collector.requestEnded();
        var running = timer.last;
        duringCollection = () -> {
            collector.requestStarted();
            used += IdleCollector.PRESSURE_BYTES;
            collector.requestEnded();
        };
        running.run();
        assertSame(running, timer.last);
        assertEquals(1, collections);
    }
}
