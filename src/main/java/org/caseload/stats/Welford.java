package org.caseload.stats;

/**
 * A running mean and spread (Welford's update), fed one value at a time in replication order.
 * Undefined values (NaN, infinities) are counted and left out, as {@link ConfidenceInterval}
 * does. It is the one place those sums are made: {@link ConfidenceInterval#student} folds an
 * array through it, so a streamed summary and one over the whole array are the same doubles.
 */
public final class Welford {
    private int n;
    private int undefined;
    private double mean;
    private double m2;

    /** Adds one value (an undefined one is only counted). */
    public void add(double v) {
        if (!Double.isFinite(v)) {
            undefined++;
            return;
        }
        n++;
        double d = v - mean;
        mean += d / n;
        m2 += d * (v - mean);
    }

    /** Values added that were undefined (left out). */
    public int undefined() {
        return undefined;
    }

    /** The Student-t interval of the defined values added so far. */
    public ConfidenceInterval interval(double level) {
        return ConfidenceInterval.of(n, mean, m2, level);
    }
}
