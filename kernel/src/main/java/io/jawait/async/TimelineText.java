package io.jawait.async;

import java.util.EnumMap;
import java.util.Map;

/**
 * The console form of a {@link Timeline}: one line of bars per task, {@code #} running and {@code -} waiting.
 */
final class TimelineText {
    static final int MAX_ROWS = 40;
    private static final int WIDTH = 50;

    private TimelineText() {
    }

    static String render(Timeline t) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("timeline: %d task%s, %s mode, %.3f s%n", t.rows().size(),
                t.rows().size() == 1 ? "" : "s", t.mode(), t.wallNanos() / 1e9));
        if (t.rows().size() > MAX_ROWS) {
            return summary(t, sb);
        }
        int pad = t.rows().stream().mapToInt(r -> r.name().length()).max().orElse(4);
        pad = Math.min(Math.max(pad, 4), 24);
        for (Timeline.Row r : t.rows()) {
            String name = r.name().length() > pad ? r.name().substring(0, pad) : r.name();
            sb.append(String.format("%-" + pad + "s |%s| %6.3f-%6.3f s %s%n", name, bar(r, t.wallNanos()),
                    r.created() / 1e9, Math.max(r.done(), 0) / 1e9, r.outcome().name().toLowerCase()));
        }
        return sb.toString();
    }

    private static String bar(Timeline.Row r, long wall) {
        char[] cells = new char[WIDTH];
        java.util.Arrays.fill(cells, ' ');
        long end = r.done() < 0 ? wall : r.done();
        fill(cells, r.created(), end, wall, '-');
        long[] m = r.marks();
        for (int i = 0; i < m.length; i += 2) {
            fill(cells, m[i], i + 1 < m.length ? m[i + 1] : end, wall, '#');
        }
        return new String(cells);
    }

    private static void fill(char[] cells, long from, long to, long wall, char c) {
        if (wall <= 0) {
            return;
        }
        int a = (int) Math.min(WIDTH - 1, from * WIDTH / wall);
        int b = (int) Math.min(WIDTH, Math.max(a + 1, (to * WIDTH + wall - 1) / wall));
        for (int i = a; i < b; i++) {
            if (c == '#' || cells[i] == ' ') {
                cells[i] = c;
            }
        }
    }

    private static String summary(Timeline t, StringBuilder sb) {
        Map<Timeline.Outcome, Integer> counts = new EnumMap<>(Timeline.Outcome.class);
        t.rows().forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        int[][] curve = Concurrency.curve(t, WIDTH);
        int peakAlive = 0;
        int peakRunning = 0;
        for (int i = 0; i < WIDTH; i++) {
            peakAlive = Math.max(peakAlive, curve[0][i]);
            peakRunning = Math.max(peakRunning, curve[1][i]);
        }
        sb.append("outcomes: ").append(counts).append(System.lineSeparator());
        sb.append(String.format("peak alive %d, peak running %d%n", peakAlive, peakRunning));
        sb.append("alive   |").append(Concurrency.sparkline(curve[0], peakAlive)).append('|').append(System.lineSeparator());
        sb.append("running |").append(Concurrency.sparkline(curve[1], peakRunning)).append('|').append(System.lineSeparator());
        return sb.toString();
    }
}
