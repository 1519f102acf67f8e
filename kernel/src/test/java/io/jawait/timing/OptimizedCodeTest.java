package io.jawait.timing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reading HotSpot's code list for a C2 compilation of a loop class's timeLoops. */
class OptimizedCodeTest {
    private static final String LIST = """
            2016 3 1 REPL.$JShell$10$$Timeit1v/0x000000004a398800.timeLoops(J)J [0x00007fbea4686c08, 0x00007fb]
            2018 4 2 REPL.$JShell$12$$Timeit2v/0x000000004a3b1800.timeLoops(J)J [0x00007fbeabf4d808, 0x00007fb]
            2036 4 0 REPL.$JShell$14$$Timeit3v/0x000000004a3b1c00.timeLoops(J)J [0x00007fbeabf4f708, 0x00007fb]
            2040 4 0 REPL.$JShell$14$$Timeit4v/0x000000004a3bc000.other(J)J [0x00007fbeabf4f708, 0x00007fb]
            """;

    @Test
    void an_in_use_tier_4_compilation_of_time_loops_counts() {
        assertTrue(OptimizedCode.listsOptimized(LIST, "REPL.$JShell$14$$Timeit3v/0x000000004a3b1c00"));
    }

    @Test
    void tier_3_code_code_no_longer_entered_and_other_methods_do_not_count() {
        assertFalse(OptimizedCode.listsOptimized(LIST, "REPL.$JShell$10$$Timeit1v/0x000000004a398800"));
        assertFalse(OptimizedCode.listsOptimized(LIST, "REPL.$JShell$12$$Timeit2v/0x000000004a3b1800"));
        assertFalse(OptimizedCode.listsOptimized(LIST, "REPL.$JShell$14$$Timeit4v/0x000000004a3bc000"));
    }

    @Test
    void a_loop_that_never_ran_is_not_optimized_on_hotspot() {
        TimedLoop neverRun = loops -> loops;
        assertFalse(OptimizedCode.optimized(neverRun.getClass()));
    }
}
