package io.jawait.timing;

import java.util.Locale;

/**
 * Draws the runs of a {@link TimeitResult} as an SVG strip chart: one dot per run on a time axis, the mean as
 * a line and one standard deviation either side as a band.
 *
 * {@snippet :
 * TimeitResult r = new TimeitResult(new long[] {1_000, 1_200, 1_100}, 1, 0, Environment.current());
 * String svg = RunsChart.svg(r);
 * }
 */
public final class RunsChart {
    private static final int WIDTH = 480;
    private static final int HEIGHT = 110;
    private static final int MARGIN = 30;

    private RunsChart() {}

    /** The chart as a standalone SVG document. */
    public static String svg(TimeitResult result) {
        double[] t = result.timings();
        Statistics s = result.statistics();
        double lo = Math.min(s.best(), s.mean() - s.stdev());
        double hi = Math.max(s.worst(), s.mean() + s.stdev());
        double span = hi > lo ? hi - lo : Math.max(hi, 1e-12);
        lo -= span * 0.05;
        span *= 1.10;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"11\">", WIDTH, HEIGHT));
        double bandLeft = x(s.mean() - s.stdev(), lo, span);
        double bandRight = x(s.mean() + s.stdev(), lo, span);
        svg.append(rect(bandLeft, 20, bandRight - bandLeft, 40, "#cfe3f7"));
        double meanX = x(s.mean(), lo, span);
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"16\" x2=\"%.1f\" y2=\"64\" stroke=\"#1f5f9f\" stroke-width=\"2\"/>", meanX, meanX));
        for (int i = 0; i < t.length; i++) {
            svg.append(String.format(Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"#d9534f\" fill-opacity=\"0.8\"><title>run %d: %s</title></circle>",
                    x(t[i], lo, span), 30 + (i % 3) * 10, i + 1, TimeFormat.seconds(t[i], 3)));
        }
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"72\" x2=\"%d\" y2=\"72\" stroke=\"#444\"/>", MARGIN, WIDTH - MARGIN));
        svg.append(text(MARGIN, 88, "start", TimeFormat.seconds(Math.max(lo, 0), 3)));
        svg.append(text(WIDTH - MARGIN, 88, "end", TimeFormat.seconds(lo + span, 3)));
        svg.append(text(WIDTH / 2, 104, "middle", escape(result.toString())));
        return svg.append("</svg>").toString();
    }

    private static double x(double value, double lo, double span) {
        return MARGIN + (value - lo) / span * (WIDTH - 2 * MARGIN);
    }

    private static String rect(double x, double y, double w, double h, String fill) {
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                x, y, Math.max(w, 1), h, fill);
    }

    private static String text(int x, int y, String anchor, String body) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>", x, y, anchor, body);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
