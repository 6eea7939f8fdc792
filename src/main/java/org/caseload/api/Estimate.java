package org.caseload.api;

/**
 * A mean across replications with its Student-t confidence interval.
 *
 * @param mean mean over replications
 * @param low  lower end of the 95% confidence interval
 * @param high upper end of the 95% confidence interval
 * @param n    number of replications it rests on
 */
public record Estimate(double mean, double low, double high, int n) {
    /** Half the interval's width. */
    public double halfWidth() {
        return (high - low) / 2;
    }
}
