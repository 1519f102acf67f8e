package io.jawait.async;

import java.util.Arrays;

/**
 * One task's life on the clock of its run: created, then alternating running and waiting, then done.
 *
 * <p>Only the task's own thread writes a span, and the run reads it after the task has finished, so the
 * fields need no locking; a plain growable array keeps 100,000 spans cheap.
 */
final class Span {
    final long created;
    // four marks cover the common life: run, wait (one await or sleep), run again, finish
    private long[] marks = new long[4];
    private int count;
    private long done = -1;

    Span(long created) {
        this.created = created;
    }

    /** Records a switch between running and waiting; even marks start running, odd marks start waiting. */
    void mark(long t) {
        if (count == marks.length) {
            marks = Arrays.copyOf(marks, count * 2);
        }
        marks[count++] = t;
    }

    void finish(long t) {
        done = t;
    }

    long done() {
        return done;
    }

    /** The switch times recorded so far (even index: running from; odd: waiting from). */
    long[] marks() {
        return Arrays.copyOf(marks, count);
    }
}
