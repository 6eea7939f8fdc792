package org.caseload.report;

import java.util.Locale;

/**
 * The rule the summary card and the report tables share for numbers that would otherwise
 * round away: a non-zero value never reads as zero (it gets two significant figures instead),
 * and nothing is shown finer than the CSV files' six decimals, so a value they print as 0 (or
 * a difference between two ends smaller than that) may read as 0 here too.
 */
final class Digits {
    private Digits() {
    }

    /** The finest step shown anywhere: the CSV files' six decimals. */
    static final double FINEST = 1e-6;
    static final int MOST_DECIMALS = 6;

    /** {@code a} (non-negative) with {@code decimals} decimals and thousands separators. */
    static String fixed(double a, int decimals) {
        return String.format(Locale.ROOT, "%,." + Math.max(0, Math.min(MOST_DECIMALS, decimals)) + "f", a);
    }

    /** The decimals of a step (a power of 10): 0 from 1 up. */
    static int decimals(double step) {
        return Math.max(0, (int) Math.round(-Math.log10(step)));
    }

    /**
     * {@code a} (non-negative) rounded to {@code step} (a power of 10); where that reads as zero
     * but {@code a} is not, two significant figures (at most six decimals) instead.
     */
    static String rounded(double a, double step) {
        return nonZero(fixed(step >= 1 ? Math.round(a / step) * step : a, decimals(step)), a);
    }

    /** {@code s}, the printed form of {@code a} (non-negative), or {@code a} to two significant figures where {@code s} reads as zero and those do not. */
    static String nonZero(String s, double a) {
        if (!readsZero(s) || !(a > 0)) return s;
        String f = figures(a);
        return readsZero(f) ? s : f;
    }

    /** {@code a} (non-negative) to two significant figures, at most six decimals. */
    static String figures(double a) {
        if (!(a > 0)) return fixed(0, 0);
        return fixed(a, 1 - (int) Math.floor(Math.log10(a)));
    }

    /** Whether a printed number has no non-zero digit. */
    static boolean readsZero(String s) {
        return s.replaceAll("[^1-9]", "").isEmpty();
    }
}
