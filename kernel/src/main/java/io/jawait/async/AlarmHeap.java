package io.jawait.async;

import java.util.Arrays;

/**
 * The clock's deadlines: a binary heap kept in parallel arrays (deadline, sequence number, what to wake, its
 * stamp), earliest deadline first and, for equal deadlines, the alarm set first. Sifting compares array slots
 * instead of touching timer objects scattered over the heap, and a sleeping task costs no object of its own.
 *
 * <p>Not thread-safe: {@link Timers} holds its lock around every call.
 */
final class AlarmHeap {
    /** Which alarms a sweep keeps. */
    interface Keep {
        boolean keep(Object item, int stamp);
    }

    private static final int INITIAL_CAPACITY = 64;
    // 100,000 sleeps grow the arrays to 131,072 alarms, 3 MB; an emptied heap larger than this starts again
    private static final int KEPT_CAPACITY = 4096;

    private long[] deadlines = new long[INITIAL_CAPACITY];
    private long[] sequences = new long[INITIAL_CAPACITY];
    private Object[] items = new Object[INITIAL_CAPACITY];
    private int[] stamps = new int[INITIAL_CAPACITY];
    private int size;
    private long sequence;

    int size() {
        return size;
    }

    /** Adds an alarm for {@code item} at {@code deadline}; returns whether it is now the earliest. */
    boolean push(long deadline, Object item, int stamp) {
        if (size == items.length) {
            grow();
        }
        int i = size++;
        long seq = sequence++;
        // sift up: deadlines mostly arrive in increasing order, so this usually stops at once
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(deadline, seq, parent)) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, deadline, seq, item, stamp);
        return i == 0;
    }

    /** The earliest deadline; the heap must not be empty. */
    long firstDeadline() {
        return deadlines[0];
    }

    Object firstItem() {
        return items[0];
    }

    int firstStamp() {
        return stamps[0];
    }

    void removeFirst() {
        if (size == 1 && items.length > KEPT_CAPACITY) {
            // the last alarm of a large run: hand its arrays back rather than keep them until the next one
            shrink();
            return;
        }
        int last = --size;
        long d = deadlines[last];
        long s = sequences[last];
        Object item = items[last];
        int stamp = stamps[last];
        items[last] = null;
        if (last > 0) {
            siftDown(0, d, s, item, stamp);
        }
    }

    /** Rebuilds the heap with only the alarms {@code keep} accepts, in their order. */
    void sweep(Keep keep) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (keep.keep(items[i], stamps[i])) {
                set(kept++, deadlines[i], sequences[i], items[i], stamps[i]);
            }
        }
        Arrays.fill(items, kept, size, null);
        size = kept;
        if (size == 0 && items.length > KEPT_CAPACITY) {
            shrink();
            return;
        }
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDown(i, deadlines[i], sequences[i], items[i], stamps[i]);
        }
    }

    private void shrink() {
        size = 0;
        deadlines = new long[INITIAL_CAPACITY];
        sequences = new long[INITIAL_CAPACITY];
        items = new Object[INITIAL_CAPACITY];
        stamps = new int[INITIAL_CAPACITY];
    }

    private void grow() {
        int n = items.length * 2;
        deadlines = Arrays.copyOf(deadlines, n);
        sequences = Arrays.copyOf(sequences, n);
        items = Arrays.copyOf(items, n);
        stamps = Arrays.copyOf(stamps, n);
    }

    private void siftDown(int i, long d, long s, Object item, int stamp) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < size && before(deadlines[child + 1], sequences[child + 1], child)) {
                child++;
            }
            if (!earlier(deadlines[child], sequences[child], d, s)) {
                break;
            }
            move(child, i);
            i = child;
        }
        set(i, d, s, item, stamp);
    }

    private boolean before(long d, long s, int slot) {
        return earlier(d, s, deadlines[slot], sequences[slot]);
    }

    private static boolean earlier(long d, long s, long d2, long s2) {
        long diff = d - d2;
        return diff < 0 || (diff == 0 && s < s2);
    }

    private void move(int from, int to) {
        set(to, deadlines[from], sequences[from], items[from], stamps[from]);
    }

    private void set(int i, long d, long s, Object item, int stamp) {
        deadlines[i] = d;
        sequences[i] = s;
        items[i] = item;
        stamps[i] = stamp;
    }
}
