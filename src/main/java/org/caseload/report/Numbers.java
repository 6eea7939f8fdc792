package org.caseload.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Number formatting for output files: plain decimal, 6 decimals at most, locale-independent.
 * An undefined value (NaN, or an infinity) is an empty cell, never "NaN" or "0".
 */
public final class Numbers {
    private Numbers() {
    }

    public static String format(double v) {
        if (!Double.isFinite(v)) return "";
        BigDecimal d = BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (d.signum() == 0) return "0";
        return d.toPlainString();
    }

    /** Smallest p-value printed as a number; below it, {@code <0.0001}. */
    public static final double P_FLOOR = 0.0001;

    /**
     * A p-value for a CSV file: empty when undefined, {@code <0.0001} when smaller (6 decimals
     * would print it as 0, and an exact 0, from a constant non-zero difference, is not a
     * probability anyone should read as certainty), else 6 decimals.
     */
    public static String pValue(double p) {
        if (!Double.isFinite(p)) return "";
        if (p < P_FLOOR) return "<0.0001";
        return format(p);
    }
}
