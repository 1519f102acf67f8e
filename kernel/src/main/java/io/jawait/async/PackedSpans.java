package io.jawait.async;

import java.util.Arrays;

/**
 * The spans of a finished run, packed into one byte array: for each task, in creation order, its creation, its
 * switch times and its end, each as the difference from the time before it in variable-length bytes. What a
 * {@link Timeline} keeps of a run until someone asks for its rows, which are read back in the same order.
 *
 * <p>The record outlives the kernel's idle collection, so a repeated cell of 100,000 sleeps runs with the one before
 * it still in the old generation, and its peak includes it. As six longs a task and an index of where each starts,
 * the spans of such a run held 5.2 MB; as differences, most of them microseconds, they hold 1.6 MB (16-17 bytes a
 * task: class histogram while the next run sleeps).
 */
final class PackedSpans {
    private byte[] data;
    private int tasks;
    private int used;
    private long lastCreated;
    private long[] scratch = new long[8];

    /** Room for {@code tasks} spans of tasks that wait once; more is made if they need it. */
    PackedSpans(int tasks) {
        data = new byte[Math.max(16, 20 * tasks)];
    }

    /** What {@link #forEach} hands over, one span at a time. */
    interface Reader {
        void span(int task, long created, long[] marks, long done);
    }

    /**
     * Appends {@code span}; a span its task is still writing (a run given up on) is taken as it is now.
     *
     * @return how many times the task started or resumed running
     */
    int add(Span span) {
        int marks = span.markCount();
        if (marks > scratch.length) {
            scratch = new long[Math.max(marks, 2 * scratch.length)];
        }
        span.copyMarks(marks, scratch, 0);
        // each value at most 10 bytes: the mark count, the creation, every mark and the end
        if (used + 10 * (marks + 3) > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length + data.length / 2, used + 10 * (marks + 3)));
        }
        putSigned(span.created - lastCreated);
        lastCreated = span.created;
        put(marks);
        long last = span.created;
        for (int m = 0; m < marks; m++) {
            putSigned(scratch[m] - last);
            last = scratch[m];
        }
        putSigned(span.end() - last);
        tasks++;
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

    /** Reads every span back, in the order they were added. */
    void forEach(Reader reader) {
        int[] at = {0};
        long created = 0;
        for (int task = 0; task < tasks; task++) {
            created += getSigned(at);
            long[] marks = new long[(int) get(at)];
            long last = created;
            for (int m = 0; m < marks.length; m++) {
                last += getSigned(at);
                marks[m] = last;
            }
            reader.span(task, created, marks, last + getSigned(at));
        }
    }

    // zigzag: small differences of either sign take few bytes (the end of an unfinished span is -1)
    private void putSigned(long v) {
        put((v << 1) ^ (v >> 63));
    }

    private void put(long v) {
        while ((v & ~0x7FL) != 0) {
            data[used++] = (byte) (v | 0x80);
            v >>>= 7;
        }
        data[used++] = (byte) v;
    }

    private long getSigned(int[] at) {
        long v = get(at);
        return (v >>> 1) ^ -(v & 1);
    }

    private long get(int[] at) {
        long v = 0;
        int shift = 0;
        byte b;
        do {
            b = data[at[0]++];
            v |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while (b < 0);
        return v;
    }
}
