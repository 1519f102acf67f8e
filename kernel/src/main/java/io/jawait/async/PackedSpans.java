package io.jawait.async;

import java.util.Arrays;

/**
 * The spans of a finished run, copied into one array of longs: for each task its creation, its end and its
 * switch times, one after the other, and where each task's part starts. What a {@link Timeline} keeps of a run
 * until someone asks for its rows.
 *
 * <p>Kept as {@link Span} objects, a run of 100,000 sleeps held 6.4 MB of spans and a 0.4 MB array of them
 * until the next run replaced it; packed, the same run holds 4.8 MB and a 0.4 MB index. That record outlives
 * the kernel's idle collection, so a repeated cell of 100,000 sleeps starts with it in the old generation.
 */
final class PackedSpans {
    private long[] data;
    private final int[] starts;
    private int tasks;
    private int used;

    /** Room for {@code tasks} spans of tasks that wait once: six longs each (created, done, four switches). */
    PackedSpans(int tasks) {
        data = new long[6 * tasks];
        starts = new int[tasks + 1];
    }

    /**
     * Appends {@code span}; a span its task is still writing (a run given up on) is taken as it is now.
     *
     * @return how many times the task started or resumed running
     */
    int add(Span span) {
        int marks = span.markCount();
        if (used + 2 + marks > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length + data.length / 2, used + 2 + marks));
        }
        starts[tasks++] = used;
        data[used++] = span.created;
        data[used++] = span.done();
        span.copyMarks(marks, data, used);
        used += marks;
        starts[tasks] = used;
        return (marks + 1) / 2;
    }

    /** Gives back the room not used; call once all spans are in. */
    PackedSpans trimmed() {
        if (used < data.length) {
            data = Arrays.copyOf(data, used);
        }
        return this;
    }

    int size() {
        return tasks;
    }

    long created(int task) {
        return data[starts[task]];
    }

    long done(int task) {
        return data[starts[task] + 1];
    }

    long[] marks(int task) {
        return Arrays.copyOfRange(data, starts[task] + 2, starts[task + 1]);
    }
}
