package org.caseload.scenario;

/**
 * The valid range of every numeric scenario field, in one place (the README's table of
 * ranges is written from these). Upper bounds are generous — tens to hundreds of times a
 * national system — but finite: a value beyond them is a typo or a units slip, and would
 * otherwise make a run hang or exhaust memory instead of failing at load.
 */
public final class Ranges {
    /** A century of months: far beyond any planning question, and it bounds every monthly array. */
    public static final int MAX_MONTHS = 1200;
    /**
     * Longest stay, delay or patience in days. Anything beyond a run's length (at most 2,400
     * months, ~73,000 days) already means "not within the run", which files say with a large
     * value such as 1e9; the bound only refuses absurd magnitudes.
     */
    public static final double MAX_DAYS = 1e9;

    public static final Range HORIZON_MONTHS = Range.whole(1, MAX_MONTHS);
    public static final Range WARMUP_MONTHS = Range.whole(0, MAX_MONTHS);
    /** {@code from_month} of arrival steps and budget changes. */
    public static final Range FROM_MONTH = Range.of(0, MAX_MONTHS);

    /** New referrals a month: England has ~25,000; ten million is 400 times that. */
    public static final Range RATE_PER_MONTH = Range.of(0, 1e7);
    /** Seasonality and step multipliers, odds multipliers, relapse and post-exit mortality multipliers. */
    public static final Range MULTIPLIER = Range.of(0, 100);
    public static final Range TREND_PCT_PER_YEAR = Range.above(-100, 100);
    /** Shares and probabilities. */
    public static final Range PROBABILITY = Range.of(0, 1).labelled("a probability between 0 and 1");

    public static final Range WORKERS = Range.whole(0, 1_000_000);
    public static final Range STAFF_FTE = Range.of(0, 1_000_000);
    public static final Range CASELOAD_PER_FTE = Range.above(0, 10_000);
    public static final Range PLACES = Range.whole(0, 10_000_000);
    public static final Range INITIAL_CASELOAD = Range.whole(0, 10_000_000);

    /** Means, medians and scales of durations: at least ~1.5 minutes, so time always moves on. */
    public static final Range DURATION_SCALE_DAYS = Range.of(0.001, MAX_DAYS);
    /** Fixed, uniform and empirical durations, and the follow-up after exit: 0 allowed. */
    public static final Range DAYS = Range.of(0, MAX_DAYS);
    public static final Range GAMMA_SHAPE = Range.of(0.05, 1000);
    /** Below 0.1 a Weibull's mean is millions of times its scale and its draws underflow to 0. */
    public static final Range WEIBULL_SHAPE = Range.of(0.1, 100);
    /** sigma of the logarithm (given, or implied by mean and sd). */
    public static final Range LOGNORMAL_SIGMA = Range.above(0, 5);
    public static final int MAX_EMPIRICAL_VALUES = 100_000;

    /** Completion and drop-out strength of caseload pressure. */
    public static final Range PRESSURE = Range.of(0, 100);
    public static final Range MORTALITY_PER_1000_PY = Range.of(0, 1000);

    /** Unit costs: per FTE a year, per client-day, per place-week, per assessor. */
    public static final Range UNIT_COST_GBP = Range.of(0, 1e9);
    public static final Range ANNUAL_BUDGET_GBP = Range.above(0, 1e12);
    public static final Range OVERHEADS_GBP = Range.of(0, 1e12);
    public static final Range CHANGE_PCT = Range.above(-100, 1000);
    /** Weight of a cost line in sharing a budget change: 0 fixed, 1 its proportional share. */
    public static final Range LINE_WEIGHT = Range.of(0, 10);
    /** Months from a budget change to re-tendering. */
    public static final Range RETENDER_MONTHS = Range.of(0, MAX_MONTHS);

    /** Tolerances of targets (scenario targets and calibration targets). */
    public static final Range TOLERANCE_PCT = Range.above(0, 1000);
    public static final Range TOLERANCE_ABS = Range.above(0, 1e15);
    /** Any figure a target may name (finite; metrics are counts, means, percentages and money). */
    public static final Range TARGET_VALUE = Range.of(-1e15, 1e15);

    private Ranges() {
    }
}
