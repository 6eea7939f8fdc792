package org.caseload.stats;

import org.caseload.results.Direction;

/** A comparison's verdict on one metric, in the words a commissioner reads. */
public enum Verdict {
    BETTER("better"),
    WORSE("worse"),
    /** A descriptive metric (e.g. staff FTE) that moved up. */
    HIGHER("higher"),
    /** A descriptive metric that moved down. */
    LOWER("lower"),
    NO_DETECTABLE_DIFFERENCE("no detectable difference"),
    /** No test possible: the metric is undefined in one scenario, or fewer than 2 pairs. */
    UNDEFINED("undefined");

    /**
     * Said after "no detectable difference" where the metric's own interval leaves out zero:
     * the verdict allows for every metric and alternative compared (Holm's correction).
     */
    public static final String AFTER_CORRECTION = "after allowing for the number of comparisons";

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Significant at {@code alpha} after correction → direction-aware verdict, else no
     * detectable difference; an undefined difference or p-value (NaN) → {@link #UNDEFINED}.
     */
    public static Verdict of(double diffMean, double pAdjusted, double alpha, Direction direction) {
        if (Double.isNaN(diffMean) || Double.isNaN(pAdjusted)) return UNDEFINED;
        if (pAdjusted >= alpha || diffMean == 0) return NO_DETECTABLE_DIFFERENCE;
        boolean up = diffMean > 0;
        return switch (direction) {
            case HIGHER_IS_BETTER -> up ? BETTER : WORSE;
            case LOWER_IS_BETTER -> up ? WORSE : BETTER;
            case NEUTRAL -> up ? HIGHER : LOWER;
        };
    }
}
