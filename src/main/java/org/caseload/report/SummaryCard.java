package org.caseload.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caseload.results.Metrics;
import org.caseload.stats.ComparisonTable;
import org.caseload.stats.ConfidenceInterval;
import org.caseload.stats.ScenarioSummary;
import org.caseload.stats.Undefined;
import org.caseload.stats.Verdict;

/**
 * The summary card: a handful of headline metrics, one line each, rounded as people read
 * them, with the change, its 95% interval and the verdict, followed by what the intervals
 * mean and what the model leaves out. It is the first thing on stdout and in report.html.
 */
public final class SummaryCard {
    private SummaryCard() {
    }

    /** How a headline is rounded for reading. */
    enum Kind { PEOPLE, MONEY, PERCENT, RATIO }

    record Headline(String metric, String label, Kind kind) {
    }

    static final List<Headline> HEADLINES = List.of(
            new Headline(Metrics.COMPLETIONS_PER_YEAR, "Successful completions a year", Kind.PEOPLE),
            new Headline(Metrics.IN_TREATMENT_MEAN, "People in treatment on an average day", Kind.PEOPLE),
            new Headline(Metrics.WAITING_LIST_MEAN, "People waiting on an average day", Kind.PEOPLE),
            new Headline(Metrics.DEATHS_PER_YEAR, "Deaths a year", Kind.PEOPLE),
            new Headline(Metrics.CASELOAD_PER_WORKER_MEAN, "Clients per keyworker", Kind.RATIO),
            new Headline(Metrics.SPEND_PER_YEAR, "Spend a year", Kind.MONEY));

    /** What the intervals mean and what the model leaves out: printed under every card. */
    public static final String MEANING = "The 95% intervals show simulation noise only, given the model's assumptions; "
            + "they do not include uncertainty in those assumptions or inputs (that needs a parameter-uncertainty "
            + "analysis, `caseload psa`). The model leaves out what its scenario files do not describe: staff changes "
            + "take effect at once (no recruitment or redundancy lag), people who move away or neither relapse nor die "
            + "are not followed, and deaths after leaving are counted only within the follow-up window.";

    /** The card of a comparison: a title per alternative, then one line per headline. */
    public static List<String> compare(List<ComparisonTable.Row> rows, List<String> alternatives, List<String> descriptions,
                                       String baseline, int replications) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < alternatives.size(); i++) {
            String alt = alternatives.get(i);
            String label = descriptions.get(i).isBlank() ? alt : descriptions.get(i) + " (" + alt + ")";
            out.add(label + " against " + baseline + ", " + replications + " paired replication" + (replications == 1 ? "" : "s")
                    + ":");
            for (Headline h : HEADLINES) {
                for (ComparisonTable.Row r : rows) {
                    if (r.scenario().equals(alt) && r.metric().name().equals(h.metric())) out.add("  " + line(h, r));
                }
            }
        }
        return out;
    }

    /** The card of a run: each headline's mean and 95% interval. */
    public static List<String> run(ScenarioSummary result) {
        List<String> out = new ArrayList<>();
        int n = result.replications();
        out.add(result.scenario() + ", " + n + " replication" + (n == 1 ? "" : "s") + ":");
        for (Headline h : HEADLINES) {
            if (!result.reports(h.metric())) continue;
            ConfidenceInterval ci = result.interval(h.metric(), RunFiles.LEVEL);
            String note = result.undefinedNote(h.metric());
            StringBuilder b = new StringBuilder("  ").append(h.label()).append(": ").append(mean(ci, h.kind()));
            if (!note.isEmpty()) b.append(" (").append(note).append(')');
            out.add(b.append('.').toString());
        }
        return out;
    }

    /**
     * A level and, from two values, its 95% interval ("111 (95% CI 109 to 114)"), each rounded as
     * people read it; but where that would make the interval's ends read the same though they
     * differ, all three are rounded ten times finer until they do not (at most six decimals).
     */
    static String mean(ConfidenceInterval ci, Kind kind) {
        if (ci.n() < 2) return value(ci.mean(), kind);
        String low = value(ci.low(), kind);
        String high = value(ci.high(), kind);
        if (low.equals(high) && Double.isFinite(ci.mean()) && ci.high() - ci.low() >= Digits.FINEST) {
            double step = usualStep(kind, Math.max(Math.abs(ci.low()), Math.abs(ci.high())));
            do {
                step /= 10;
                low = level(ci.low(), kind, step);
                high = level(ci.high(), kind, step);
            } while (low.equals(high) && step > Digits.FINEST * 1.5);
            return level(ci.mean(), kind, step) + " (95% CI " + low + " to " + high + ")";
        }
        return value(ci.mean(), kind) + " (95% CI " + low + " to " + high + ")";
    }

    static String line(Headline h, ComparisonTable.Row r) {
        ConfidenceInterval d = r.comparison().difference();
        StringBuilder b = new StringBuilder(h.label()).append(": ");
        if (r.verdict() == Verdict.UNDEFINED && !Double.isFinite(d.mean())) {
            return b.append(Undefined.DASH).append(" (").append(r.note()).append(").").toString();
        }
        double step = changeStep(h.kind(), r.comparison().baselineMean(), d);
        b.append(levels(h.kind(), r.comparison().baselineMean(), r.comparison().alternativeMean(), d.mean(), step));
        b.append(" (").append(change(d.mean(), h.kind(), step));
        if (Double.isFinite(d.low()) && Double.isFinite(d.high())) {
            b.append("; 95% CI ").append(change(d.low(), h.kind(), step)).append(" to ").append(change(d.high(), h.kind(), step));
        }
        b.append("): ").append(verdict(r)).append('.');
        return b.toString();
    }

    /**
     * The verdict's words. The interval beside it is this metric's own, while the verdict allows
     * for every metric and alternative compared (Holm's correction): where the interval leaves
     * out zero but the corrected test does not reach significance, the line says so rather
     * than seem to contradict itself.
     */
    private static String verdict(ComparisonTable.Row r) {
        ConfidenceInterval d = r.comparison().difference();
        return switch (r.verdict()) {
            case HIGHER, LOWER -> r.verdict().label() + " (descriptive)";
            case UNDEFINED -> "undefined (" + r.note() + ")";
            case NO_DETECTABLE_DIFFERENCE -> d.low() > 0 || d.high() < 0 ? r.verdict().label() + " " + Verdict.AFTER_CORRECTION : r.verdict().label();
            default -> r.verdict().label();
        };
    }

    /**
     * A level as people read it: people to the nearest 10 (1 from 10 to 100, one decimal below 10), money to £1,000,
     * % to one decimal; a non-zero value that would read as zero gets two significant figures instead.
     */
    static String value(double v, Kind kind) {
        if (!Double.isFinite(v)) return Undefined.DASH;
        String s = magnitude(Math.abs(v), kind);
        return v < 0 && !isZero(s) ? "−" + s : s;
    }

    /**
     * "baseline → alternative", each level rounded as people read it; but where that is coarser than
     * the change's first significant digit ("120 → 110 (−0.4)", "110 → 120 (+6)"), both are rounded
     * to that digit's place, or to the change's own step if that is coarser ("115.0 → 114.6",
     * "112 → 118"): the levels' difference then agrees with the change to within one unit of the
     * levels' last digit, and they read the same only where the change is below that unit.
     */
    static String levels(Kind kind, double baseline, double alternative, double change, double changeStep) {
        String from = value(baseline, kind);
        String to = value(alternative, kind);
        if (!Double.isFinite(baseline) || !Double.isFinite(alternative) || !Double.isFinite(change)
                || isZero(change(change, kind, changeStep))) {
            return from + " → " + to;
        }
        double step = Math.max(Math.pow(10, Math.floor(Math.log10(Math.abs(change)))), changeStep);
        if (step >= 0.99 * usualStep(kind, Math.max(Math.abs(baseline), Math.abs(alternative)))) return from + " → " + to;
        return level(baseline, kind, step) + " → " + level(alternative, kind, step);
    }

    /** A level rounded to {@code step} (a power of 10), signed only when negative. */
    private static String level(double v, Kind kind, double step) {
        String s = rounded(Math.abs(v), kind, step);
        return v < 0 && !isZero(s) ? "−" + s : s;
    }

    /** A change, always signed (+/−), rounded by its own size. */
    static String change(double v, Kind kind) {
        return change(v, kind, usualStep(kind, Math.abs(v)));
    }

    /** A change, always signed (+/−), rounded to {@code step} (a power of 10). */
    static String change(double v, Kind kind, double step) {
        if (!Double.isFinite(v)) return Undefined.DASH;
        String s = rounded(Math.abs(v), kind, step);
        if (isZero(s)) return s;
        return (v < 0 ? "−" : "+") + s;
    }

    /**
     * The rounding step of a change and its interval. It starts from the kind's usual step (for
     * people, the step of the level, or of the change where that would blur it away) and is made
     * ten times finer, down to six decimals ({@link Digits#FINEST}), until the rounded point and both
     * rounded ends differ and the step is no wider than the interval: an interval never reads as a
     * point ("−50 to −50") or as much wider than it is, and a wide one stays rounded. An interval
     * narrower than six decimals (rounding noise) keeps the usual step.
     */
    static double changeStep(Kind kind, double baselineMean, ConfidenceInterval d) {
        double step = usualStep(kind, Math.abs(baselineMean));
        if (kind == Kind.PEOPLE) {
            double widest = Math.abs(d.mean());
            if (Double.isFinite(d.low()) && Double.isFinite(d.high())) widest = Math.max(widest, Math.max(Math.abs(d.low()), Math.abs(d.high())));
            if (widest < 5 * step) step = peopleStep(widest);
        }
        double width = d.high() - d.low();
        if (!Double.isFinite(d.mean()) || !Double.isFinite(width) || width < Digits.FINEST) return step;
        while (step > Digits.FINEST * 1.5 && (step > width || !distinct(kind, step, d.low(), d.mean(), d.high()))) step /= 10;
        return step;
    }

    /** The usual step of a change that is not people (people depend on the level). */
    private static double usualStep(Kind kind) {
        return kind == Kind.MONEY ? 1000 : 0.1;
    }

    /** The usual step of an amount {@code a} (non-negative) of a kind: for people, by its size. */
    private static double usualStep(Kind kind, double a) {
        return kind == Kind.PEOPLE ? peopleStep(a) : usualStep(kind);
    }

    private static boolean distinct(Kind kind, double step, double low, double mean, double high) {
        String l = change(low, kind, step);
        String m = change(mean, kind, step);
        String h = change(high, kind, step);
        return !l.equals(m) && !m.equals(h);
    }

    private static boolean isZero(String s) {
        return Digits.readsZero(s);
    }

    private static String magnitude(double a, Kind kind) {
        String s = switch (kind) {
            case MONEY -> String.format(Locale.ROOT, "%,.0f", Math.round(a / 1000.0) * 1000.0);
            case PERCENT, RATIO -> String.format(Locale.ROOT, "%.1f", a);
            case PEOPLE -> Digits.rounded(a, peopleStep(a));
        };
        return decorate(Digits.nonZero(s, a), kind);
    }

    /** People to the nearest 10 from 100 up, to 1 from 10, else to one decimal. */
    static double peopleStep(double a) {
        return a >= 100 ? 10 : a >= 10 ? 1 : 0.1;
    }

    /** A non-negative amount of a kind rounded to {@code step} (see {@link Digits#rounded}), with the kind's £ or %. */
    private static String rounded(double a, Kind kind, double step) {
        return decorate(Digits.rounded(a, step), kind);
    }

    private static String decorate(String s, Kind kind) {
        return kind == Kind.MONEY ? "£" + s : kind == Kind.PERCENT ? s + "%" : s;
    }
}
