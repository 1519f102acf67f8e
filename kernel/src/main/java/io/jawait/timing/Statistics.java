package io.jawait.timing;

import java.util.Arrays;

/**
 * Summary statistics of a sample of per-loop times: mean, population standard deviation, best and worst.
 *
 * <p>The standard deviation divides by the number of runs, as IPython's {@code TimeitResult.stdev} does,
 * so the figures match what a Python user sees for the same runs.
 *
 * {@snippet :
 * Statistics s = Statistics.of(new double[] {1e-3, 2e-3, 3e-3});
 * double mean = s.mean(); // 0.002
 * }
 *
 * @param mean  the arithmetic mean, in seconds
 * @param stdev the population standard deviation, in seconds
 * @param best  the smallest value, in seconds
 * @param worst the largest value, in seconds
 */
public record Statistics(double mean, double stdev, double best, double worst) {

    /**
     * Computes the statistics of {@code values}.
     *
     * @throws IllegalArgumentException if {@code values} is empty
     */
    public static Statistics of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values: a sample needs at least one run");
        }
        double mean = Arrays.stream(values).sum() / values.length;
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        double best = Arrays.stream(values).min().orElseThrow();
        double worst = Arrays.stream(values).max().orElseThrow();
        return new Statistics(mean, Math.sqrt(squares / values.length), best, worst);
    }

    /** The standard deviation relative to the mean (0 when the mean is 0). */
    public double relativeStdev() {
        return mean == 0 ? 0 : stdev / mean;
    }
}
