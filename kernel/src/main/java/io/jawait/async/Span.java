package io.jawait.async;

import java.util.Arrays;

/**
 * One task's life on the clock of its run: created, then alternating running and waiting, then done.
 *
 * <p>Only the task's own thread writes a span, and the run reads it after the task has finished, so the
 * fields need no locking. The first four marks live in fields, not in an array: they cover the common life
 * (run, wait on one await or sleep, run again, finish), and 100,000 spans then cost one object each, not two.
 */
final class Span {
    private static final int INLINE = 4;

    final long created;
    private long m0;
    private long m1;
    private long m2;
    private long m3;
    private long[] more;
    private int count;
    private long done = -1;

    Span(long created) {
        this.created = created;
    }

    /** Records a switch between running and waiting; even marks start running, odd marks start waiting. */
    void mark(long t) {
        switch (count) {
            case 0 -> m0 = t;
            case 1 -> m1 = t;
            case 2 -> m2 = t;
            case 3 -> m3 = t;
            default -> markMore(t);
        }
        count++;
    }

    private void markMore(long t) {
        int i = count - INLINE;
        if (more == null) {
            more = new long[INLINE];
        } else if (i == more.length) {
            more = Arrays.copyOf(more, i * 2);
        }
        more[i] = t;
    }

    /** A copy of the span as it is now, for a task that may still change its own. */
    Span copy() {
        Span c = new Span(created);
        for (long m : marks()) {
            c.mark(m);
        }
        c.done = done;
        return c;
    }

    /**
     * How many times the task started or resumed running: the run counts its switches here, after the fact,
     * because a shared counter bumped on every resume (a LongAdder) made C2 speculate on its uncontended path
     * and deoptimise, once per task, every parked frame compiled that way when the task woke (25,000 traps
     * in a run of 100,000 sleeps, -Xlog:deoptimization).
     */
    int resumes() {
        return (count + 1) / 2;
    }

    void finish(long t) {
        done = t;
    }

    long done() {
        return done;
    }

    /** The switch times recorded so far (even index: running from; odd: waiting from). */
    long[] marks() {
        long[] out = new long[count];
        long[] first = {m0, m1, m2, m3};
        System.arraycopy(first, 0, out, 0, Math.min(count, INLINE));
        if (count > INLINE) {
            System.arraycopy(more, 0, out, INLINE, count - INLINE);
        }
        return out;
    }
}
