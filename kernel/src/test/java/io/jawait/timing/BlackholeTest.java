package io.jawait.timing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BlackholeTest {

    @Test
    void the_compile_command_is_recognised_in_both_of_hotspots_spellings() {
        assertTrue(Blackhole.namesSink("quiet\nblackhole,io.jawait.timing.Blackhole::sink"));
        assertTrue(Blackhole.namesSink("blackhole,io/jawait/timing/Blackhole.sink"));
    }

    @Test
    void other_compile_commands_leave_the_volatile_blackhole_in_charge() {
        assertFalse(Blackhole.namesSink(""));
        assertFalse(Blackhole.namesSink("quiet\nblackhole,org.openjdk.jmh.infra.Blackhole::consumeCompiler"));
        assertFalse(Blackhole.namesSink("dontinline,io.jawait.timing.Blackhole::sink"));
    }

    @Test
    void consuming_never_trips_the_guards() {
        Blackhole bh = new Blackhole();
        for (int i = 0; i < 10_000; i++) {
            bh.consume(i);
            bh.consume((long) i);
            bh.consume((double) i);
            bh.consume(i % 2 == 0);
            bh.consume(Integer.valueOf(i));
        }
        assertFalse(bh.tripped());
    }
}
