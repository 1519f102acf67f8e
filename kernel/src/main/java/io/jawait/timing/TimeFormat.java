package io.jawait.timing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Formats durations the way IPython's {@code %time} and {@code %timeit} print them.
 *
 * <p>Below a minute a duration gets the largest unit among s, ms, µs and ns that keeps it at least 1, and
 * {@code precision} significant digits with trailing zeros dropped (Python's {@code %g}): {@code 12.3 ms},
 * {@code 1 s}, {@code 0 ns}. From a minute on it is split into days, hours, minutes and seconds
 * ({@code 1min 5s}).
 *
 * {@snippet :
 * String s = TimeFormat.seconds(0.0123, 3); // "12.3 ms"
 * }
 */
public final class TimeFormat {
    private static final String[] UNITS = {"s", "ms", "\u00b5s", "ns"};
    private static final double[] SCALING = {1, 1e3, 1e6, 1e9};

    private TimeFormat() {}

    /** A duration given in nanoseconds, with 3 significant digits. */
    public static String nanos(long nanos) {
        return seconds(nanos / 1e9, 3);
    }

    /**
     * A duration given in seconds.
     *
     * @throws IllegalArgumentException if {@code precision} is below 1
     */
    public static String seconds(double seconds, int precision) {
        if (precision < 1) {
            throw new IllegalArgumentException("precision must be at least 1, got " + precision);
        }
        if (seconds >= 60.0) {
            return longForm(seconds);
        }
        int order = 3;
        if (seconds > 0.0) {
            order = Math.min(-Math.floorDiv((int) Math.floor(Math.log10(seconds)), 3), 3);
        }
        return general(seconds * SCALING[order], precision) + " " + UNITS[order];
    }

    private static String longForm(double seconds) {
        String[] suffixes = {"d", "h", "min", "s"};
        long[] lengths = {86_400, 3_600, 60, 1};
        List<String> parts = new ArrayList<>();
        double left = seconds;
        for (int i = 0; i < suffixes.length; i++) {
            long value = (long) (left / lengths[i]);
            if (value > 0) {
                left = left % lengths[i];
                parts.add(value + suffixes[i]);
            }
            if (left < 1) {
                break;
            }
        }
        return String.join(" ", parts);
    }

    /** Python's {@code "%.*g" % (precision, value)} for a finite, non-negative value. */
    static String general(double value, int precision) {
        if (value == 0.0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(precision, java.math.RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= precision) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            String sign = exponent < 0 ? "-" : "+";
            return mantissa.toPlainString() + "e" + sign + String.format(java.util.Locale.ROOT, "%02d", Math.abs(exponent));
        }
        return rounded.stripTrailingZeros().toPlainString();
    }
}
