package io.jawait.async;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The clock behind {@code sleep}, {@code waitFor} and {@code withTimeout}: one daemon thread and a heap of
 * deadlines, as asyncio's loop keeps its timer heap.
 *
 * <p>Measured (DESIGN.md §4): 100,000 one-second sleeps finish in 1.1–1.2 s on a timer heap against
 * 1.8–2.2 s as plain virtual-thread sleeps. The heap ({@link AlarmHeap}) keeps deadlines in parallel arrays: a
 * {@code sleep}, in either mode, puts its task itself on the clock, so a sleeping task costs no timer object
 * (48 bytes a task less in VIRTUAL mode, 112 in LOOP), and sifting compares array slots instead of touching 17
 * timer objects scattered over the heap for every deadline that fires. A withdrawn alarm is not searched for; it
 * stays in the heap, is skipped when its time comes, and the heap is swept when such alarms make up half of
 * it. Alarms with the same deadline fire in the order they were set, on the clock thread itself, so no pool
 * reorders them and LOOP mode stays deterministic.
 *
 * <p>The threads that set alarms leave them in an {@link AlarmInbox} without taking a lock, and wake the clock if
 * it sleeps; the clock moves them onto the heap before it looks at the heap, so an alarm not moved yet is never
 * overlooked. The clock, too, sets its alarms through the inbox (a completion it runs may set a timer): it drains
 * them on its next turn, before it sleeps.
 */
final class Timers {
    private static final int BATCH = 256;
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final AlarmHeap HEAP = new AlarmHeap();
    private static final AlarmInbox INBOX = new AlarmInbox();
    private static final Thread CLOCK = Thread.ofPlatform().daemon().name("jawait-timers").unstarted(Timers::tick);
    // set by the clock before it parks with nothing to do; whoever puts an alarm in then wakes it
    private static volatile boolean idle;
    private static int withdrawn;

    static {
        CLOCK.start();
    }

    private Timers() {
    }

    /** A future that completes {@code seconds} from now. */
    static Timer after(double seconds) {
        return after(nanos(seconds));
    }

    /** A future that completes {@code nanos} from now. */
    static Timer after(long nanos) {
        Timer t = new Timer();
        push(System.nanoTime() + nanos, t, 0);
        return t;
    }

    /** Rings {@code task}'s alarm number {@code stamp} at {@code deadline} (a {@link System#nanoTime()} value). */
    static void ring(Task<?> task, int stamp, long deadline) {
        push(deadline, task, stamp);
    }

    /** Counts one alarm that will never be wanted, so the heap is swept once they pile up. */
    static void withdrawn() {
        LOCK.lock();
        try {
            withdrawn++;
            if (withdrawn > 512 && withdrawn * 2 > HEAP.size()) {
                HEAP.sweep(Timers::wanted);
                withdrawn = 0;
            }
        } finally {
            LOCK.unlock();
        }
    }

    /** Alarms on the clock, withdrawn ones not yet swept included. */
    static int size() {
        LOCK.lock();
        try {
            return HEAP.size() + INBOX.backlog();
        } finally {
            LOCK.unlock();
        }
    }

    static long nanos(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("seconds must be a finite number >= 0, not " + seconds);
        }
        return (long) (seconds * 1e9);
    }

    private static void push(long deadline, Object item, int stamp) {
        INBOX.put(deadline, item, stamp);
        // nothing of the alarm is live across this call, so it adds nothing to the frame a sleeping task parks in
        if (idle) {
            LockSupport.unpark(CLOCK);
        }
    }

    private static void tick() {
        Object[] due = new Object[BATCH];
        int[] dueStamps = new int[BATCH];
        while (true) {
            int n = 0;
            long wait;
            LOCK.lock();
            try {
                INBOX.drainInto(HEAP);
                long now = System.nanoTime();
                while (HEAP.size() > 0 && HEAP.firstDeadline() - now <= 0 && n < BATCH) {
                    due[n] = HEAP.firstItem();
                    dueStamps[n++] = HEAP.firstStamp();
                    HEAP.removeFirst();
                }
                wait = HEAP.size() == 0 ? -1 : HEAP.firstDeadline() - now;
            } finally {
                LOCK.unlock();
            }
            // fired outside the lock, so tasks woken here can set new alarms at once
            for (int i = 0; i < n; i++) {
                fire(due[i], dueStamps[i]);
                due[i] = null;
            }
            if (n == 0) {
                idle = true;
                // an alarm put in before `idle` was set is seen here; one put in after it wakes the clock
                if (inboxEmpty()) {
                    if (wait < 0) {
                        LockSupport.park();
                    } else {
                        LockSupport.parkNanos(wait);
                    }
                }
                idle = false;
            }
        }
    }

    private static boolean inboxEmpty() {
        LOCK.lock();
        try {
            return INBOX.isEmpty();
        } finally {
            LOCK.unlock();
        }
    }

    private static void fire(Object item, int stamp) {
        if (item instanceof Task<?> t) {
            t.alarm(stamp);
        } else {
            ((Timer) item).fire();
        }
    }

    private static boolean wanted(Object item, int stamp) {
        return item instanceof Task<?> t ? t.awaitsAlarm(stamp) : !((Timer) item).disarmed;
    }

    /** A timer's future; {@link #disarm()} tells the clock nobody waits for it any more. */
    static final class Timer extends CompletableFuture<Void> {
        private volatile boolean disarmed;

        private Timer() {
        }

        private void fire() {
            if (!disarmed) {
                complete(null);
            }
        }

        void disarm() {
            if (!disarmed && !isDone()) {
                disarmed = true;
                withdrawn();
            }
        }
    }
}
