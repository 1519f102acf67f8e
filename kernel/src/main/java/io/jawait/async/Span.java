package io.jawait.async;

import java.util.Arrays;

/**
 * One task's life on the clock of its run: created, then alternating running and waiting, then done.
 *
 * <p>Only the task's own thread writes a span, and the run reads it after the task has finished, so the
 * fields need no locking. The first four marks live in fields, not in an array: they cover the common life
 * (run, wait on one await or sleep, run again, finish), and 100,000 spans then cost one object each, not two.
 * And a task is its own span ({@link Execution} extends this class), not an object it holds: one header and one
 * reference less, 8 bytes a task (Span and Task were 64 bytes each, the task is now 120).
 */
sealed class Span permits Execution {
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

    void end(long t) {
        done = t;
    }

    /** When the task finished, or -1. */
    long end() {
        return done;
    }

    /** How many switch times have been recorded. */
    int markCount() {
        return count;
    }

    /** Copies the first {@code n} switch times ({@code n <= markCount()}) into {@code into} from {@code at}. */
    void copyMarks(int n, long[] into, int at) {
        if (n > 0) {
            into[at] = m0;
        }
        if (n > 1) {
            into[at + 1] = m1;
        }
        if (n > 2) {
            into[at + 2] = m2;
        }
        if (n > 3) {
            into[at + 3] = m3;
        }
        if (n > INLINE) {
            System.arraycopy(more, 0, into, at + INLINE, n - INLINE);
        }
    }
}
