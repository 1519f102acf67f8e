package io.jawait.async;

import java.util.Arrays;
import java.util.List;

/**
 * How many tasks were alive and running over time, in equal bins: the aggregate view of a large run.
 */
final class Concurrency {
    private static final String LEVELS = " .:-=+*#%@";

    private Concurrency() {
    }

    /**
     * Two curves over {@code bins} equal slices of the run: [0] tasks alive, [1] tasks running, each the
     * number of tasks that overlapped the slice at all.
     */
    static int[][] curve(Timeline t, int bins) {
        long wall = Math.max(1, t.wallNanos());
        int[] alive = new int[bins + 1];
        int[] running = new int[bins + 1];
        for (Timeline.Row r : t.rows()) {
            long end = r.done() < 0 ? wall : r.done();
            add(alive, r.created(), end, wall, bins);
            long[] m = r.marks();
            for (int i = 0; i < m.length; i += 2) {
                add(running, m[i], i + 1 < m.length ? m[i + 1] : end, wall, bins);
            }
        }
        return new int[][] {prefix(alive, bins), prefix(running, bins)};
    }

    /** The most tasks running at one moment: a sweep over every running slice, each end before a start at a tie. */
    static int maxRunning(Timeline t) {
        List<Timeline.Row> rows = t.rows();
        int n = 0;
        for (Timeline.Row r : rows) {
            n += (r.marks().length + 1) / 2;
        }
        long[] starts = new long[n];
        long[] ends = new long[n];
        int k = 0;
        for (Timeline.Row r : rows) {
            long[] m = r.marks();
            for (int i = 0; i < m.length; i += 2, k++) {
                starts[k] = m[i];
                ends[k] = i + 1 < m.length ? m[i + 1] : r.done() < 0 ? Long.MAX_VALUE : r.done();
            }
        }
        Arrays.sort(starts);
        Arrays.sort(ends);
        int running = 0;
        int max = 0;
        for (int i = 0, j = 0; i < n; i++) {
            while (j < n && ends[j] <= starts[i]) {
                running--;
                j++;
            }
            max = Math.max(max, ++running);
        }
        return max;
    }

    private static void add(int[] diff, long from, long to, long wall, int bins) {
        int a = bin(from, wall, bins);
        int b = Math.max(a, bin(Math.max(from, to - 1), wall, bins));
        diff[a]++;
        diff[b + 1]--;
    }

    private static int bin(long t, long wall, int bins) {
        return (int) Math.max(0, Math.min(bins - 1, t * bins / wall));
    }

    private static int[] prefix(int[] diff, int bins) {
        int[] out = new int[bins];
        int sum = 0;
        for (int i = 0; i < bins; i++) {
            sum += diff[i];
            out[i] = sum;
        }
        return out;
    }

    static String sparkline(int[] values, int peak) {
        StringBuilder sb = new StringBuilder(values.length);
        for (int v : values) {
            int level = peak == 0 ? 0 : (int) Math.ceil((double) v * (LEVELS.length() - 1) / peak);
            sb.append(LEVELS.charAt(level));
        }
        return sb.toString();
    }
}
