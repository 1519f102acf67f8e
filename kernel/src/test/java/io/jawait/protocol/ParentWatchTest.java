package io.jawait.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParentWatchTest {
    @Test
    void the_kernel_hears_when_its_parent_process_ends() throws Exception {
        Process parent = new ProcessBuilder("sleep", "60").start();
        CountDownLatch gone = new CountDownLatch(1);
        ParentWatch.follow(Map.of("JPY_PARENT_PID", String.valueOf(parent.pid())), gone::countDown);
        assertFalse(gone.await(100, TimeUnit.MILLISECONDS), "reported gone while still running");
        parent.destroy();
        assertTrue(gone.await(10, TimeUnit.SECONDS));
    }

    @Test
    void no_bad_or_init_parent_means_nothing_to_follow() {
        assertEquals(Optional.empty(), ParentWatch.parent(Map.of()));
        assertEquals(Optional.empty(), ParentWatch.parent(Map.of("JPY_PARENT_PID", "abc")));
        assertEquals(Optional.empty(), ParentWatch.parent(Map.of("JPY_PARENT_PID", "1")));
        assertEquals(Optional.of(4242L), ParentWatch.parent(Map.of("JPY_PARENT_PID", " 4242 ")));
    }
}
