package io.jawait.async;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code sleep}, {@code blockingSleep} and {@code withTimeout}: the helpers built on the timer clock.
 */
final class Sleeping {
    private static final int ARMED = 0;
    private static final int FIRED = 1;
    private static final int DISARMED = 2;

    private Sleeping() {
    }

    static void sleep(double seconds) {
        long nanos = Timers.nanos(seconds);
        Task<?> t = Loop.currentTask();
        if (t == null) {
            blockingSleep(seconds);
            return;
        }
        if (nanos == 0 || t.loop.mode == Mode.LOOP) {
            t.sleepSuspended(nanos);
            return;
        }
        // VIRTUAL parks here, not in a helper below: every frame between the task's body and the park point is
        // copied into the parked thread's stack chunk, most of a sleeping task's memory
        t.beginWait();
        int alarm = t.armAlarm(nanos);
        boolean interrupted = false;
        while (!t.alarmRung(alarm)) {
            LockSupport.park(t);
            if (Thread.interrupted()) {
                interrupted = true;
                t.withdrawAlarm(alarm);
                break;
            }
        }
        t.endWait(interrupted);
    }

    static void blockingSleep(double seconds) {
        long nanos = Timers.nanos(seconds);
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            throw new CancelledError("interrupted during blockingSleep");
        }
    }

    static <T> T withTimeout(double seconds, AsyncCallable<T> body) throws Exception {
        Task<?> me = Loop.currentTask();
        AtomicInteger state = new AtomicInteger(ARMED);
        Timers.Timer timer = Timers.after(seconds);
        timer.thenRun(() -> {
            synchronized (state) {
                if (state.compareAndSet(ARMED, FIRED)) {
                    me.cancel();
                }
            }
        });
        try {
            return body.call();
        } catch (CancelledError e) {
            if (state.get() == FIRED) {
                TimeoutError timeout = new TimeoutError("timed out after " + seconds + " s");
                timeout.initCause(e);
                throw timeout;
            }
            throw e;
        } finally {
            synchronized (state) {
                if (!state.compareAndSet(ARMED, DISARMED)) {
                    // the timer fired, but the body finished or swallowed the cancel: withdraw it if pending
                    me.uncancel();
                }
            }
            timer.disarm();
        }
    }
}
