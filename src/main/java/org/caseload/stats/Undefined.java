package org.caseload.stats;

import java.util.List;
import java.util.Map;

/**
 * Why a metric can be undefined in a replication (a ratio with nothing to divide by, or a
 * result too large to represent), in words for the report, the plain-words summary and the
 * {@code note} column of comparison.csv. Undefined values are NaN in replication results,
 * empty in CSV files and "—" in what people read; they are never 0.
 */
public final class Undefined {
    private Undefined() {
    }

    /** Dash shown wherever a value is undefined. */
    public static final String DASH = "—";

    private static final Map<String, String> EXACT = Map.ofEntries(
            Map.entry("wait_days_mean", "no treatment starts"),
            Map.entry("pct_waiting_over_21d", "no referrals"),
            Map.entry("assessment_queue_wait_days_mean", "no assessments begun"),
            Map.entry("seen_per_year", "no whole reporting year"),
            Map.entry("pct_exits_successful", "nobody left treatment"),
            Map.entry("pct_exits_successful_alcohol", "no alcohol client left treatment"),
            Map.entry("caseload_per_worker_mean", "no keyworker staff funded for part of the period"),
            Map.entry("caseload_per_worker", "no keyworker staff funded for part of the month"),
            Map.entry("completion_non_representation_pct_opiate", "no opiate clients in treatment"),
            Map.entry("completion_non_representation_pct_non_opiate", "no non-opiate clients in treatment"),
            Map.entry("completion_non_representation_pct_alcohol", "no alcohol clients in treatment"),
            Map.entry("pct_in_treatment_4y_plus", "nobody in treatment"),
            Map.entry("pct_opiate_in_treatment_4y_plus", "no opiate clients in treatment"),
            Map.entry("pct_alcohol_in_treatment_under_6m", "no alcohol clients in treatment"),
            Map.entry("cost_per_successful_completion", "no successful completions"),
            Map.entry("pct_died_in_treatment", "nobody in treatment"));

    private static final List<Map.Entry<String, String>> PREFIXES = List.of(
            Map.entry("caseload_per_fte_mean_", "no staff funded in the pathway for part of the period"),
            Map.entry("pct_leavers_not_returned_", "no reporting year with the whole follow-up inside the window (or no such leavers)"),
            Map.entry("stay_days_mean_", "no stays ended in the period"),
            Map.entry("pct_in_treatment_", "nobody in treatment"));

    /** The usual reason the metric is undefined; every metric can also overflow (absurd inputs). */
    public static String reason(String metric) {
        String r = EXACT.get(metric);
        if (r != null) return r;
        for (Map.Entry<String, String> e : PREFIXES) if (metric.startsWith(e.getKey())) return e.getValue();
        return "too large to represent (check the scenario's inputs)";
    }

    /**
     * A note on a summary of {@code values}: empty when all are defined, else how many were
     * left out and why (e.g. "undefined in 3 of 20 replications, left out (no treatment starts)").
     */
    public static String note(String metric, double[] values) {
        int undefined = 0;
        for (double v : values) if (!Double.isFinite(v)) undefined++;
        return note(metric, undefined, values.length);
    }

    /** As {@link #note(String, double[])}, from the counts: {@code undefined} of {@code total} replications. */
    public static String note(String metric, int undefined, int total) {
        if (undefined == 0) return "";
        String what = undefined == total ? "undefined in every replication" : "undefined in " + undefined + " of "
                + total + " replications, left out";
        return what + " (" + reason(metric) + ")";
    }
}
