package org.caseload.scenario;

/**
 * The valid values of a numeric field: from {@code min} (included, or excluded when
 * {@code minExclusive}) to {@code max} (included), optionally whole numbers only. Every
 * numeric scenario field has one (see {@link Ranges}); an upper bound exists even where the
 * model would accept more, because a value such as 1e300 is always a typo and would make a
 * run hang or exhaust memory instead of failing at once.
 *
 * @param label how the whole range is described in messages instead of its bounds (e.g.
 *              "a probability between 0 and 1"), or null
 */
public record Range(double min, boolean minExclusive, double max, boolean whole, String label) {
    public Range {
        if (!(min <= max)) throw new IllegalArgumentException("empty range " + min + ".." + max);
    }

    /** From min to max, both included. */
    public static Range of(double min, double max) {
        return new Range(min, false, max, false, null);
    }

    /** More than min, at most max. */
    public static Range above(double min, double max) {
        return new Range(min, true, max, false, null);
    }

    /** Whole numbers from min to max. */
    public static Range whole(long min, long max) {
        return new Range(min, false, max, true, null);
    }

    public Range labelled(String newLabel) {
        return new Range(min, minExclusive, max, whole, newLabel);
    }

    public boolean contains(double v) {
        boolean low = minExclusive ? v > min : v >= min;
        return low && v <= max && (!whole || v == Math.rint(v));
    }

    /** The problem with {@code v}, worded for a person, or null if it is in range. */
    public String problem(double v) {
        if (contains(v)) return null;
        String got = ", got " + format(v);
        if (label != null) return "must be " + label + got;
        if (minExclusive ? !(v > min) : !(v >= min)) {
            if (minExclusive) return "must be more than " + format(min) + got;
            return (min == 0 ? "must be 0 or more" : "must be at least " + format(min)) + got;
        }
        if (v > max) return "must be at most " + format(max) + got;
        return "must be a whole number" + got;
    }

    /** The range as written in the README's table, e.g. "0 to 1", "> 0 to 100,000", "1 to 1,200 (whole)". */
    public String describe() {
        if (label != null) return label;
        return (minExclusive ? "> " : "") + grouped(min) + " to " + grouped(max) + (whole ? " (whole)" : "");
    }

    private static String grouped(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e18 ? String.format(java.util.Locale.ROOT, "%,d", (long) v) : format(v);
    }

    /** Whole numbers without a trailing ".0", as users write them; others as Java prints them (1.0E300). */
    public static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /**
     * A value the reader worked out (a sum of shares, an implied parameter) to 6 significant
     * digits, so that rounding in the arithmetic (1.1500000000000001) does not show.
     */
    public static String formatDerived(double v) {
        if (!Double.isFinite(v) || v == 0) return format(v);
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
