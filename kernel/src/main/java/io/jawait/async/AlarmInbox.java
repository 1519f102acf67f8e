package io.jawait.async;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Alarms set but not yet on the clock's heap: any thread puts one in without a lock and without waiting, and whoever
 * holds the clock's lock (the clock thread) takes them out, in the order they were put in, onto its
 * {@link AlarmHeap}.
 *
 * <p>Why not push onto the heap under the clock's lock, as every sleep did before: a sleeping task sets its alarm and
 * then parks, and the JIT compiles both into one frame, sized for everything compiled into it, that every parked
 * task keeps in its stack chunk. With the lock and the heap's sifting inlined, that frame of {@code Sleeping.sleep}
 * held 14 words; and when two carriers first met on the lock in a large run, the lock's failed-acquire branch
 * trapped and made the frames tasks park in not entrant (-Xlog:deoptimization), so the tasks started until the JIT
 * had compiled them again parked in C1 frames of 230 words. Putting an alarm here is one small allocation, one
 * atomic exchange and one store: no lock, no loop, no call while the alarm's values are live, and no branch that a
 * large run takes for the first time.
 *
 * <p>A linked queue (Vyukov's intrusive MPSC queue): the newest node is swapped in as the tail and then linked from
 * the one before it. It is unbounded on purpose: a bounded ring filled up within milliseconds whenever the thread
 * draining it lost its core, and the putters then spun, on both cores, for a slot. A node is 32 bytes of garbage once
 * drained.
 */
final class AlarmInbox {
    private static final VarHandle TAIL;

    static {
        try {
            TAIL = MethodHandles.lookup().findVarHandle(AlarmInbox.class, "tail", Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final class Node {
        final long deadline;
        Object item;
        final int stamp;
        volatile Node next;

        Node(long deadline, Object item, int stamp) {
            this.deadline = deadline;
            this.item = item;
            this.stamp = stamp;
        }
    }

    @SuppressWarnings("unused")
    private volatile Node tail;
    // the last node drained (or the first stub): read and written only while the clock's lock is held
    private Node head;

    AlarmInbox() {
        head = new Node(0, null, 0);
        tail = head;
    }

    /**
     * Puts in an alarm for {@code item} at {@code deadline}. The link is a volatile write, so a read that follows it
     * sees whether the clock sleeps.
     */
    void put(long deadline, Object item, int stamp) {
        Node node = new Node(deadline, item, stamp);
        Node before = (Node) TAIL.getAndSet(this, node);
        before.next = node;
    }

    /**
     * Under the clock's lock: moves every alarm put in so far onto {@code heap}, in the order they were put in. One
     * whose putter has swapped it in but not linked it yet stays, with those after it, until the next drain: that
     * putter wakes the clock once it has linked it.
     */
    void drainInto(AlarmHeap heap) {
        Node last = head;
        for (Node n = last.next; n != null; n = n.next) {
            heap.push(n.deadline, n.item, n.stamp);
            // the drained node stays as the queue's head until the next drain: it must not keep a task alive
            n.item = null;
            last = n;
        }
        head = last;
    }

    /** Under the clock's lock: whether nothing linked waits to be drained (a volatile read). */
    boolean isEmpty() {
        return head.next == null;
    }

    /** Under the clock's lock: alarms linked and not drained yet. */
    int backlog() {
        int n = 0;
        for (Node x = head.next; x != null; x = x.next) {
            n++;
        }
        return n;
    }
}
