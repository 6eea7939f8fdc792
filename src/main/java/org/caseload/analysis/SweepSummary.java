package org.caseload.analysis;

import java.util.ArrayList;
import java.util.List;
import org.caseload.results.Direction;
import org.caseload.results.Metric;
import org.caseload.scenario.ScenarioVariant;
import org.caseload.stats.ConfidenceInterval;
import org.caseload.stats.MultipleComparisons;
import org.caseload.stats.PairedComparison;
import org.caseload.stats.Verdict;

/**
 * What a sweep says: the dose–response table (each level's mean and CI, and its paired
 * difference from the reference level with a Holm-adjusted p-value and a verdict), the
 * first level at which each metric is detectably worse, and goal-seek.
 *
 * <p>Holm's correction is applied per metric and per reference level across the levels
 * compared with it: the question asked of each metric is "which levels differ from FROM?".
 */
public final class SweepSummary {
    public static final double LEVEL = 0.95;

    private SweepSummary() {
    }

    /** One row of {@code sweep.csv}. */
    public record Row(int level, double[] values, Metric metric, ConfidenceInterval ci, PairedComparison vsReference,
                      double pAdjusted, Verdict verdict) {
    }

    public static List<Row> rows(Sweep s, double alpha) {
        List<Row> rows = new ArrayList<>();
        int levels = s.levelCount();
        int n0 = s.axes().get(0).levels().size();
        for (int m = 0; m < s.metrics().size(); m++) {
            Metric metric = s.metrics().get(m);
            PairedComparison[] c = new PairedComparison[levels];
            double[] p = new double[levels];
            for (int l = 0; l < levels; l++) {
                c[l] = Stats.paired(s.values(s.reference(l), m), s.values(l, m), LEVEL);
                p[l] = s.first(l) == 0 ? Double.NaN : c[l].pValue();
            }
            double[] adjusted = new double[levels];
            for (int ref = 0; ref < levels; ref += n0) {
                double[] family = java.util.Arrays.copyOfRange(p, ref, ref + n0);
                double[] a = MultipleComparisons.holm(family);
                System.arraycopy(a, 0, adjusted, ref, n0);
            }
            for (int l = 0; l < levels; l++) {
                // The first level is the reference itself; elsewhere an undefined p (fewer than two pairs) is undefined.
                Verdict v = s.first(l) == 0 ? Verdict.NO_DETECTABLE_DIFFERENCE
                        : Verdict.of(c[l].difference().mean(), adjusted[l], alpha, metric.direction());
                rows.add(new Row(l, s.values(l), metric, Stats.ci(s.values(l, m), LEVEL), c[l], adjusted[l], v));
            }
        }
        return rows;
    }

    /**
     * For one metric: the first level (along the first axis, for each level of the second)
     * that is detectably worse than the reference (for a metric without a direction,
     * detectably different), in a sentence.
     */
    public static List<String> firstWorse(Sweep s, List<Row> rows, String metricName) {
        List<String> out = new ArrayList<>();
        Axis a0 = s.axes().get(0);
        int n0 = a0.levels().size();
        boolean neutral = s.metrics().stream().anyMatch(m -> m.name().equals(metricName) && m.direction() == Direction.NEUTRAL);
        for (int ref = 0; ref < s.levelCount(); ref += n0) {
            Row found = null;
            for (Row r : rows) {
                if (!r.metric().name().equals(metricName) || r.level() < ref || r.level() >= ref + n0) continue;
                boolean hit = r.metric().direction() == Direction.NEUTRAL
                        ? r.verdict() == Verdict.HIGHER || r.verdict() == Verdict.LOWER : r.verdict() == Verdict.WORSE;
                if (hit) {
                    found = r;
                    break;
                }
            }
            String where = s.axes().size() == 2 ? " (with " + s.axes().get(1).shortName() + " = "
                    + ScenarioVariant.text(s.values(ref)[1]) + ")" : "";
            String what = neutral ? "detectably different" : "detectably worse";
            if (found == null) {
                // A metric with no better direction can be neither worse nor better, only changed.
                out.add(metricName + where + (neutral ? ": no detectable change from " : ": not " + what + " than at ") + a0.shortName()
                        + " = " + ScenarioVariant.text(a0.levels().get(0)) + " at any level up to " + ScenarioVariant.text(a0.levels().get(n0 - 1)));
            } else {
                ConfidenceInterval d = found.vsReference().difference();
                out.add(metricName + where + ": first " + what + " at " + a0.shortName() + " = "
                        + ScenarioVariant.text(found.values()[0]) + " (" + signed(d.mean()) + " vs "
                        + ScenarioVariant.text(a0.levels().get(0)) + ", 95% CI " + round(d.low()) + " to " + round(d.high())
                        + ", Holm-adjusted p " + p(found.pAdjusted()) + ")");
            }
        }
        return out;
    }

    /** Goal-seek result for one level of the second axis. */
    public record Goal(int reference, Integer level, double mean, double bound, String sentence) {
    }

    /**
     * The first level along the first axis (in sweep order, FROM to TO) whose one-sided 95%
     * confidence bound meets the target, for each level of the second axis.
     */
    public static List<Goal> goalSeek(Sweep s, Target target) {
        List<Goal> out = new ArrayList<>();
        Axis a0 = s.axes().get(0);
        int n0 = a0.levels().size();
        int m = s.metricIndex(target.metric());
        // The first level met, in sweep order, is the smallest one met on a rising axis and the largest on a falling one.
        String extreme = a0.levels().get(n0 - 1) >= a0.levels().get(0) ? "smallest" : "largest";
        for (int ref = 0; ref < s.levelCount(); ref += n0) {
            String where = s.axes().size() == 2 ? " with " + s.axes().get(1).shortName() + " = "
                    + ScenarioVariant.text(s.values(ref)[1]) : "";
            Goal goal = null;
            double lastMean = Double.NaN;
            double lastBound = Double.NaN;
            for (int l = ref; l < ref + n0; l++) {
                double[] v = s.values(l, m);
                double mean = Stats.mean(v);
                double t = Stats.t(Stats.finite(v).length, LEVEL);
                double bound = target.upperBound() ? mean + t * Stats.se(v) : mean - t * Stats.se(v);
                if (target.metBy(bound)) {
                    String value = ScenarioVariant.text(a0.levels().get(l - ref));
                    String side = target.upperBound() ? "upper" : "lower";
                    String sentence = (l == ref ? "Already at the first level, " + a0.shortName() + " = " + value + where
                            + ", " : "The " + extreme + " level of " + a0.shortName() + where + " that meets " + target
                            + " with 95% confidence is " + value + ": ")
                            + target.metric() + " is " + round(mean) + " (one-sided 95% " + side + " bound " + round(bound) + ")"
                            + (l == ref ? " meets " + target + " with 95% confidence." : "; at "
                            + ScenarioVariant.text(a0.levels().get(l - ref - 1)) + " it is " + round(lastMean)
                            + " (bound " + round(lastBound) + ").");
                    goal = new Goal(ref, l, mean, bound, sentence);
                    break;
                }
                lastMean = mean;
                lastBound = bound;
            }
            if (goal == null) {
                goal = new Goal(ref, null, lastMean, lastBound, "No level of " + a0.shortName() + " from "
                        + ScenarioVariant.text(a0.levels().get(0)) + " to " + ScenarioVariant.text(a0.levels().get(n0 - 1)) + where
                        + " meets " + target + " with 95% confidence; at " + ScenarioVariant.text(a0.levels().get(n0 - 1))
                        + " " + target.metric() + " is " + round(lastMean) + " (bound " + round(lastBound) + ").");
            }
            out.add(goal);
        }
        return out;
    }

    static String signed(double v) {
        return (v > 0 ? "+" : "") + round(v);
    }

    /** About three significant figures, for sentences. */
    public static String round(double v) {
        if (Double.isNaN(v)) return "n/a";
        double a = Math.abs(v);
        if (a >= 1000) return String.format(java.util.Locale.ROOT, "%,.0f", v);
        if (a >= 100) return String.format(java.util.Locale.ROOT, "%.0f", v);
        if (a >= 10) return String.format(java.util.Locale.ROOT, "%.1f", v);
        if (a >= 0.01 || a == 0) return String.format(java.util.Locale.ROOT, "%.2f", v);
        return String.format(java.util.Locale.ROOT, "%.2g", v);
    }

    static String p(double p) {
        if (Double.isNaN(p)) return "n/a";
        return p < 0.0001 ? "<0.0001" : String.format(java.util.Locale.ROOT, "%.4f", p);
    }
}
