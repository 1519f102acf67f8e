package io.jawait.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AlarmHeapTest {
    private record Alarm(long deadline, int order) {}

    /** Pushes every alarm (the order number as its stamp) and pops them all; returns the stamps in popped order. */
    private static List<Integer> pushThenPopAll(AlarmHeap heap, List<Alarm> alarms) {
        for (Alarm a : alarms) {
            heap.push(a.deadline(), a, a.order());
        }
        List<Integer> popped = new ArrayList<>();
        while (heap.size() > 0) {
            popped.add(heap.firstStamp());
            heap.removeFirst();
        }
        return popped;
    }

    private static List<Alarm> shuffled(int n, long seed) {
        Random rnd = new Random(seed);
        List<Alarm> alarms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // few distinct deadlines, so many alarms tie and must come out in the order they were set
            alarms.add(new Alarm(rnd.nextInt(50), i));
        }
        return alarms;
    }

    private static List<Integer> expected(List<Alarm> alarms) {
        return alarms.stream().sorted(Comparator.comparingLong(Alarm::deadline).thenComparingInt(Alarm::order))
                .map(Alarm::order).toList();
    }

    @Test
    void alarms_come_out_by_deadline_then_in_the_order_they_were_set_also_after_the_heap_emptied_and_shrank() {
        AlarmHeap heap = new AlarmHeap();
        List<Alarm> large = shuffled(20_000, 1);
        assertEquals(expected(large), pushThenPopAll(heap, large));
        // emptied from 20,000 alarms, the heap started again small: it must still grow and order correctly
        List<Alarm> again = shuffled(5_000, 2);
        assertEquals(expected(again), pushThenPopAll(heap, again));
    }

    @Test
    void a_sweep_keeps_the_wanted_alarms_in_order() {
        AlarmHeap heap = new AlarmHeap();
        List<Alarm> alarms = shuffled(10_000, 3);
        for (Alarm a : alarms) {
            heap.push(a.deadline(), a, a.order());
        }
        heap.sweep((item, stamp) -> stamp % 3 == 0);
        List<Integer> popped = new ArrayList<>();
        while (heap.size() > 0) {
            popped.add(heap.firstStamp());
            heap.removeFirst();
        }
        assertEquals(expected(alarms).stream().filter(o -> o % 3 == 0).toList(), popped);
        heap.sweep((item, stamp) -> false);
        assertEquals(0, heap.size());
        assertTrue(heap.push(7, "after", 1), "the only alarm is the earliest");
        assertEquals("after", heap.firstItem());
    }
}
