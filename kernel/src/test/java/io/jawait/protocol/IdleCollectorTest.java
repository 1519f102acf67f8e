package io.jawait.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
    private final IdleCollector collector = new IdleCollector(timer, () -> used, () -> {
        collections++;
        used = 12 << 20;
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
}
