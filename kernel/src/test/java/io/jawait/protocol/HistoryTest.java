package io.jawait.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {
    private final History h = new History();

    HistoryTest() {
        h.add(1, "int x = 1;", null);
        h.add(2, "x + 1", "2");
        h.add(3, "int x = 1;", null);
        h.add(4, "println(x)", null);
    }

    private static List<Integer> lines(List<History.Entry> entries) {
        return entries.stream().map(History.Entry::line).toList();
    }

    @Test
    void tail_gives_the_last_n_oldest_first() {
        assertEquals(List.of(3, 4), lines(h.tail(2)));
        assertEquals(List.of(1, 2, 3, 4), lines(h.tail(100)));
        assertTrue(h.tail(0).isEmpty());
    }

    @Test
    void range_is_start_inclusive_stop_exclusive_in_the_current_session_only() {
        assertEquals(List.of(2, 3), lines(h.range(0, 2, 4)));
        assertEquals(List.of(2, 3, 4), lines(h.range(History.SESSION, 2, 0)));
        assertTrue(h.range(-1, 1, 0).isEmpty());
    }

    @Test
    void search_matches_globs_and_unique_keeps_each_input_at_its_latest_place() {
        assertEquals(List.of(1, 3), lines(h.search("int*", 0, false)));
        assertEquals(List.of(3), lines(h.search("int*", 0, true)));
        assertEquals(List.of(2), lines(h.search("x ? 1", 0, false)));
        assertEquals(List.of(4), lines(h.search("[p]rintln(*)", 0, false)));
        assertEquals(List.of(3, 4), lines(h.search("*", 2, true)));
        assertEquals("2", h.search("x*", 0, false).getFirst().output());
    }

    @Test
    void regex_characters_in_a_glob_are_taken_literally() {
        assertTrue(History.globToRegex("a.b(c)+").matcher("a.b(c)+").matches());
        assertTrue(!History.globToRegex("a.b").matcher("axb").matches());
        assertTrue(History.globToRegex("[!a-c]z").matcher("dz").matches());
    }
}
