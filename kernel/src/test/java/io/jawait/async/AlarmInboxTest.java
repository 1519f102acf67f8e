package io.jawait.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class AlarmInboxTest {

    @Test
    void alarms_come_out_in_the_order_they_were_put_in() {
        AlarmInbox inbox = new AlarmInbox();
        AlarmHeap heap = new AlarmHeap();
        // every alarm has the same deadline, so the heap hands them back in the order the inbox gave them
        for (int i = 0; i < 10_000; i++) {
            inbox.put(0, "a", i);
            if (i % 3_000 == 0) {
                inbox.drainInto(heap);
            }
        }
        assertEquals(10_000 - 9_001, inbox.backlog());
        inbox.drainInto(heap);
        assertTrue(inbox.isEmpty());
        for (int i = 0; i < 10_000; i++) {
            assertEquals(i, heap.firstStamp());
            heap.removeFirst();
        }
        assertEquals(0, heap.size());
    }

    @Test
    void threads_putting_while_another_drains_lose_nothing_and_keep_their_own_order() throws Exception {
        AlarmInbox inbox = new AlarmInbox();
        AlarmHeap heap = new AlarmHeap();
        ReentrantLock lock = new ReentrantLock();
        int threads = 4;
        int each = 20_000;
        List<Thread> putters = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String who = "t" + t;
            putters.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < each; i++) {
                    inbox.put(0, who, i);
                }
            }));
        }
        Thread drainer = Thread.ofPlatform().start(() -> {
            while (putters.stream().anyMatch(Thread::isAlive)) {
                lock.lock();
                try {
                    inbox.drainInto(heap);
                } finally {
                    lock.unlock();
                }
            }
        });
        for (Thread t : putters) {
            t.join();
        }
        drainer.join();
        inbox.drainInto(heap);
        assertEquals(threads * each, heap.size());
        int[] next = new int[threads];
        while (heap.size() > 0) {
            int who = Integer.parseInt(((String) heap.firstItem()).substring(1));
            assertEquals(next[who]++, heap.firstStamp(), "alarms of t" + who + " out of order");
            heap.removeFirst();
        }
    }
}
