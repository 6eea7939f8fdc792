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
     * detectably different), in a sentence. Levels where the comparison is undefined (the
     * metric has no value there, or too few replications define it) are named as such: they
     * are never counted as "not worse".
     */
    public static List<String> firstWorse(Sweep s, List<Row> rows, String metricName) {
        List<String> out = new ArrayList<>();
        Axis a0 = s.axes().get(0);
        int n0 = a0.levels().size();
        String from = a0.shortName() + " = " + ScenarioVariant.text(a0.levels().get(0));
        boolean neutral = s.metrics().stream().anyMatch(m -> m.name().equals(metricName) && m.direction() == Direction.NEUTRAL);
        for (int ref = 0; ref < s.levelCount(); ref += n0) {
            Row found = null;
            Row reference = null;
            List<Row> undefined = new ArrayList<>();
            int measured = 0;
            for (Row r : rows) {
                if (!r.metric().name().equals(metricName) || r.level() < ref || r.level() >= ref + n0) continue;
                if (r.level() == ref) {
                    reference = r;
                    continue;
                }
                if (r.verdict() == Verdict.UNDEFINED) {
                    undefined.add(r);
                    continue;
                }
                measured++;
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
            // A metric with no better direction can be neither worse nor better, only changed.
            String unchanged = metricName + where + (neutral ? ": no detectable change from " : ": not " + what + " than at ") + from;
            if (reference != null && reference.ci().n() == 0) {
                out.add(metricName + where + ": cannot be measured at " + from
                        + " (undefined in every replication there), so no level can be compared with it");
            } else if (found != null) {
                ConfidenceInterval d = found.vsReference().difference();
                out.add(metricName + where + ": first " + what + " at " + a0.shortName() + " = "
                        + ScenarioVariant.text(found.values()[0]) + " (" + signed(d.mean()) + " vs "
                        + ScenarioVariant.text(a0.levels().get(0)) + ", 95% CI " + round(d.low()) + " to " + round(d.high())
                        + ", Holm-adjusted p " + p(found.pAdjusted()) + ")"
                        + (undefined.isEmpty() ? "" : "; before that it " + unmeasured(a0, from, undefined)));
            } else if (undefined.isEmpty()) {
                out.add(unchanged + " at any level up to " + ScenarioVariant.text(a0.levels().get(n0 - 1)));
            } else if (measured == 0) {
                out.add(metricName + where + ": " + unmeasured(a0, from, undefined) + ", so it cannot be compared with " + from);
            } else {
                out.add(unchanged + " at the levels where it can be measured; it " + unmeasured(a0, from, undefined));
            }
        }
        return out;
    }

    /** "cannot be measured at x = 1, 2 (undefined in every replication there)", for levels whose comparison is undefined. */
    private static String unmeasured(Axis a0, String from, List<Row> undefined) {
        List<String> none = new ArrayList<>();
        List<String> few = new ArrayList<>();
        for (Row r : undefined) (r.ci().n() == 0 ? none : few).add(ScenarioVariant.text(r.values()[0]));
        List<String> parts = new ArrayList<>();
        if (!none.isEmpty()) parts.add(String.join(", ", none) + " (undefined in every replication there)");
        if (!few.isEmpty()) parts.add(String.join(", ", few) + " (fewer than two replications define it both there and at " + from + ")");
        return "cannot be measured at " + a0.shortName() + " = " + String.join(" or at ", parts);
    }

    /** Goal-seek result for one level of the second axis. */
    public record Goal(int reference, Integer level, double mean, double bound, String sentence) {
    }

    /**
     * The first level along the first axis (in sweep order, FROM to TO) whose one-sided 95%
     * confidence bound meets the target, for each level of the second axis. Levels where the
     * bound is undefined (the metric has a value in fewer than two replications) are said to
     * be levels where the target cannot be evaluated.
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
            // The last level so far where the bound is defined, and the levels where it is not.
            String previous = null;
            List<String> none = new ArrayList<>();
            List<String> one = new ArrayList<>();
            for (int l = ref; l < ref + n0; l++) {
                double[] v = s.values(l, m);
                double mean = Stats.mean(v);
                double t = Stats.t(Stats.finite(v).length, LEVEL);
                double bound = target.upperBound() ? mean + t * Stats.se(v) : mean - t * Stats.se(v);
                String value = ScenarioVariant.text(a0.levels().get(l - ref));
                if (target.metBy(bound)) {
                    String side = target.upperBound() ? "upper" : "lower";
                    String sentence = (l == ref ? "Already at the first level, " + a0.shortName() + " = " + value + where
                            + ", " : "The " + extreme + " level of " + a0.shortName() + where + " that meets " + target
                            + " with 95% confidence is " + value + ": ")
                            + target.metric() + " is " + round(mean) + " (one-sided 95% " + side + " bound " + round(bound) + ")"
                            + (l == ref ? " meets " + target + " with 95% confidence." : (previous == null ? "" : "; at "
                            + previous + " it is " + round(lastMean) + " (bound " + round(lastBound) + ")") + "."
                            + notEvaluated(a0, target, none, one));
                    goal = new Goal(ref, l, mean, bound, sentence);
                    break;
                }
                if (Double.isNaN(bound)) {
                    (Double.isNaN(mean) ? none : one).add(value);
                } else {
                    previous = value;
                    lastMean = mean;
                    lastBound = bound;
                }
            }
            if (goal == null) {
                String range = a0.shortName() + " from " + ScenarioVariant.text(a0.levels().get(0)) + " to "
                        + ScenarioVariant.text(a0.levels().get(n0 - 1)) + where;
                String sentence = previous == null ? "No level of " + range + " can be tested against " + target + "."
                        : "No level of " + range + " meets " + target + " with 95% confidence" + (none.isEmpty() && one.isEmpty()
                        ? "" : " where it can be evaluated") + "; at " + previous + " " + target.metric() + " is " + round(lastMean)
                        + " (bound " + round(lastBound) + ").";
                goal = new Goal(ref, null, lastMean, lastBound, sentence + notEvaluated(a0, target, none, one));
            }
            out.add(goal);
        }
        return out;
    }

    /**
     * " The target cannot be evaluated at x = 1 (…), so whether it is met there is unknown."
     * for the levels without a confidence bound, or "" for none.
     */
    private static String notEvaluated(Axis a0, Target target, List<String> none, List<String> one) {
        if (none.isEmpty() && one.isEmpty()) return "";
        List<String> parts = new ArrayList<>();
        if (!none.isEmpty()) parts.add(String.join(", ", none) + " (" + target.metric() + " is undefined in every replication there)");
        if (!one.isEmpty()) parts.add(String.join(", ", one) + " (only one replication defines " + target.metric() + " there)");
        return " The target cannot be evaluated at " + a0.shortName() + " = " + String.join(" or at ", parts)
                + ", so whether it is met there is unknown.";
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
