package io.jawait.async;

import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Timeline} as an SVG Gantt chart: a row per task (class {@code task}: the task's life,
 * class {@code run}: its running slices), or for large runs a concurrency strip over rows of grouped tasks.
 */
final class TimelineSvg {
    static final int MAX_ROWS = 60;
    private static final int GROUP_ROWS = 40;
    private static final int LABEL = 150;
    private static final int PLOT = 620;
    private static final int ROW = 18;
    private static final int TOP = 30;
    private static final int STRIP = 70;
    private static final String[] COLOURS = {"#4C78A8", "#B279A2", "#E45756", "#999999"};

    private TimelineSvg() {
    }

    static String render(Timeline t) {
        List<Timeline.Row> rows = t.rows();
        boolean grouped = rows.size() > MAX_ROWS;
        int lines = grouped ? Math.min(GROUP_ROWS, rows.size()) : rows.size();
        int top = TOP + (grouped ? STRIP + 10 : 0);
        int height = top + lines * ROW + 30;
        StringBuilder s = new StringBuilder(4096);
        s.append(f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                LABEL + PLOT + 20, height));
        s.append(f("<text x=\"4\" y=\"16\" font-weight=\"bold\">%s</text>%n", esc(title(t))));
        if (grouped) {
            strip(s, t);
            groups(s, t, top);
        } else {
            for (int i = 0; i < rows.size(); i++) {
                row(s, t, rows.get(i), top + i * ROW);
            }
        }
        axis(s, t, top + lines * ROW + 4);
        return s.append("</svg>\n").toString();
    }

    private static String title(Timeline t) {
        return f("%d task%s, %s mode, %.3f s (dark: running, light: waiting)", t.rows().size(),
                t.rows().size() == 1 ? "" : "s", t.mode(), t.wallNanos() / 1e9);
    }

    private static void row(StringBuilder s, Timeline t, Timeline.Row r, int y) {
        long end = r.done() < 0 ? t.wallNanos() : r.done();
        String colour = COLOURS[r.outcome().ordinal()];
        s.append(f("<text x=\"4\" y=\"%d\">%s</text>%n", y + 12, esc(shorten(r.name()))));
        s.append(f("<rect class=\"task\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" fill-opacity=\"0.3\">"
                + "<title>%s: %.3f-%.3f s, running %.3f s, %s</title></rect>%n",
                x(t, r.created()), y + 2, w(t, r.created(), end), ROW - 4, colour, esc(r.name()),
                r.created() / 1e9, end / 1e9, r.runningNanos() / 1e9, r.outcome().name().toLowerCase(Locale.ROOT)));
        long[] m = r.marks();
        for (int i = 0; i < m.length; i += 2) {
            long to = i + 1 < m.length ? m[i + 1] : end;
            s.append(f("<rect class=\"run\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                    x(t, m[i]), y + 2, Math.max(1.0, w(t, m[i], to)), ROW - 4, colour));
        }
    }

    private static void groups(StringBuilder s, Timeline t, int top) {
        List<Timeline.Row> rows = t.rows();
        int per = (rows.size() + GROUP_ROWS - 1) / GROUP_ROWS;
        for (int g = 0, y = top; g * per < rows.size(); g++, y += ROW) {
            List<Timeline.Row> part = rows.subList(g * per, Math.min(rows.size(), (g + 1) * per));
            long from = part.stream().mapToLong(Timeline.Row::created).min().orElse(0);
            long to = part.stream().mapToLong(r -> r.done() < 0 ? t.wallNanos() : r.done()).max().orElse(0);
            long failed = part.stream().filter(r -> r.outcome() != Timeline.Outcome.RESULT).count();
            s.append(f("<text x=\"4\" y=\"%d\">tasks %d-%d</text>%n", y + 12, g * per + 1, g * per + part.size()));
            s.append(f("<rect class=\"group\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" fill-opacity=\"0.5\">"
                    + "<title>%d tasks (%d not successful): %.3f-%.3f s</title></rect>%n",
                    x(t, from), y + 2, Math.max(1.0, w(t, from, to)), ROW - 4, failed == 0 ? COLOURS[0] : COLOURS[2],
                    part.size(), failed, from / 1e9, to / 1e9));
        }
    }

    private static void strip(StringBuilder s, Timeline t) {
        int bins = PLOT / 4;
        int[][] c = Concurrency.curve(t, bins);
        int peak = 1;
        for (int v : c[0]) {
            peak = Math.max(peak, v);
        }
        s.append(f("<text x=\"4\" y=\"%d\">alive (light) / running (dark), peak %d</text>%n", TOP + 30, peak));
        for (int k = 0; k < 2; k++) {
            StringBuilder p = new StringBuilder(f("M%d,%d", LABEL, TOP + STRIP));
            for (int i = 0; i < bins; i++) {
                double y = TOP + STRIP - (double) c[k][i] * STRIP / peak;
                p.append(f(" L%.1f,%.1f L%.1f,%.1f", LABEL + i * 4.0, y, LABEL + (i + 1) * 4.0, y));
            }
            p.append(f(" L%d,%d Z", LABEL + PLOT, TOP + STRIP));
            s.append(f("<path class=\"%s\" d=\"%s\" fill=\"%s\" fill-opacity=\"%s\"/>%n", k == 0 ? "alive" : "running",
                    p, COLOURS[0], k == 0 ? "0.3" : "0.9"));
        }
    }

    private static void axis(StringBuilder s, Timeline t, int y) {
        double wall = Math.max(t.wallNanos(), 1) / 1e9;
        double step = niceStep(wall / 6);
        s.append(f("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n", LABEL, y, LABEL + PLOT, y));
        for (double v = 0; v <= wall + 1e-9; v += step) {
            double x = LABEL + v / wall * PLOT;
            s.append(f("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s s</text>%n", x, y, x, y + 4, x, y + 16, tick(v)));
        }
    }

    static double niceStep(double raw) {
        double mag = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        double n = raw / mag;
        return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * mag;
    }

    private static String tick(double v) {
        String s = f("%.3f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static double x(Timeline t, long nanos) {
        return LABEL + (double) nanos * PLOT / Math.max(1, t.wallNanos());
    }

    private static double w(Timeline t, long from, long to) {
        return Math.max(0, (double) (to - from) * PLOT / Math.max(1, t.wallNanos()));
    }

    private static String shorten(String name) {
        return name.length() > 22 ? name.substring(0, 21) + "…" : name;
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
