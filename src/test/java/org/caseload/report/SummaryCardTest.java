package org.caseload.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.caseload.results.Direction;
import org.caseload.results.Metric;
import org.caseload.stats.ComparisonTable;
import org.caseload.stats.ConfidenceInterval;
import org.caseload.stats.PairedComparison;
import org.caseload.stats.Verdict;
import org.junit.jupiter.api.Test;

class SummaryCardTest {
    @Test
    void roundsAsPeopleReadNumbers() {
        assertEquals("1,590", SummaryCard.value(1593.4, SummaryCard.Kind.PEOPLE));
        assertEquals("23", SummaryCard.value(23.4, SummaryCard.Kind.PEOPLE));
        assertEquals("£11,465,000", SummaryCard.value(11_465_432, SummaryCard.Kind.MONEY));
        assertEquals("12.3%", SummaryCard.value(12.34, SummaryCard.Kind.PERCENT));
        assertEquals("−68", SummaryCard.change(-68, SummaryCard.Kind.PEOPLE));
        assertEquals("−70", SummaryCard.change(-68, SummaryCard.Kind.PEOPLE, 10));
        assertEquals("+0.5", SummaryCard.change(0.46, SummaryCard.Kind.PEOPLE));
        assertEquals("−0.010", SummaryCard.change(-0.01, SummaryCard.Kind.PEOPLE), "never 0.0");
        assertEquals("—", SummaryCard.value(Double.NaN, SummaryCard.Kind.PEOPLE));
    }

    @Test
    void lineReadsLikeTheIssueExample() {
        Metric completions = new Metric("successful_completions_per_year", "completions per year", "", Direction.HIGHER_IS_BETTER);
        PairedComparison c = new PairedComparison(1590.2, 1521.7, new ConfidenceInterval(-68.5, 10, -78.1, -58.9, 100, 0.95), 1e-30);
        ComparisonTable.Row row = new ComparisonTable.Row(completions, "leeds", "cut", c, 1e-29, Verdict.WORSE, "");
        assertEquals("Successful completions a year: 1,590 → 1,520 (−70; 95% CI −80 to −60): worse.",
                SummaryCard.line(SummaryCard.HEADLINES.get(0), row));
    }

    private static String change(SummaryCard.Kind kind, double baseline, double mean, double low, double high) {
        Metric m = new Metric("m", "u", "", Direction.HIGHER_IS_BETTER);
        PairedComparison c = new PairedComparison(baseline, baseline + mean, new ConfidenceInterval(mean, 1, low, high, 20, 0.95), 1e-9);
        String line = SummaryCard.line(new SummaryCard.Headline("m", "M", kind), new ComparisonTable.Row(m, "a", "b", c, 1e-8, Verdict.WORSE, ""));
        return line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
    }

    /**
     * Two levels that read the same at the usual rounding while the change does not round to
     * zero are shown finer, down to the change's step, until they differ; otherwise they keep
     * the usual rounding.
     */
    @Test
    void levelsThatWouldReadTheSameBesideAChangeAreShownFiner() {
        SummaryCard.Kind people = SummaryCard.Kind.PEOPLE;
        assertEquals("110.3 → 110.5", SummaryCard.levels(people, 110.31, 110.49, 0.18, 0.1));
        assertEquals("112 → 114", SummaryCard.levels(people, 112.2, 113.8, 1.6, 1));
        assertEquals("110 → 110", SummaryCard.levels(people, 110.31, 110.33, 0, 0.1), "no change");
        assertEquals("110.3 → 110.3", SummaryCard.levels(people, 110.31, 110.33, 0.02, 0.1), "at the change's step of 0.1");
        assertEquals("1,590 → 1,540", SummaryCard.levels(people, 1593, 1540, -53, 1), "already different");
        assertEquals("£11,519,100 → £11,519,400", SummaryCard.levels(SummaryCard.Kind.MONEY, 11_519_132, 11_519_401, 269, 100));
        assertEquals("64.25 → 64.27", SummaryCard.levels(SummaryCard.Kind.RATIO, 64.251, 64.269, 0.018, 0.01));
        assertEquals("−0.12 → −0.14", SummaryCard.levels(people, -0.121, -0.139, -0.018, 0.01));
        // Never finer than the change: both still read 110.3 at its step of 0.1.
        assertEquals("110.3 → 110.3", SummaryCard.levels(people, 110.26, 110.34, 0.08, 0.1));
    }

    /** A narrow interval gets the digits that keep its ends apart from each other and from the point. */
    @Test
    void aNarrowIntervalIsNotRoundedToAPoint() {
        assertEquals("−52; 95% CI −53 to −51", change(SummaryCard.Kind.PEOPLE, 1591.45, -51.93, -53.052526, -50.807474));
        assertEquals("+5.1; 95% CI +4.8 to +5.5", change(SummaryCard.Kind.PEOPLE, 13.95, 5.12879, 4.784553, 5.473027));
        assertEquals("+7.98; 95% CI +7.93 to +8.03", change(SummaryCard.Kind.RATIO, 64.2, 7.976084, 7.925601, 8.026566));
        assertEquals("−£952,300; 95% CI −£952,800 to −£951,800", change(SummaryCard.Kind.MONEY, 11_519_432, -952_346, -952_846, -951_846));
        assertEquals("−0.02; 95% CI −0.03 to −0.01", change(SummaryCard.Kind.PEOPLE, 110, -0.021, -0.034, -0.008));
        assertEquals("+0.01; 95% CI −0.02 to +0.04", change(SummaryCard.Kind.PEOPLE, 3, 0.011, -0.018, 0.04));
    }

    /** A wide interval keeps the rounding people read, and a zero-width one is not given extra digits. */
    @Test
    void aWideIntervalStaysRounded() {
        assertEquals("−370; 95% CI −430 to −320", change(SummaryCard.Kind.PEOPLE, 1630, -370, -425, -315));
        assertEquals("+120; 95% CI +20 to +220", change(SummaryCard.Kind.PEOPLE, 800, 118, 21, 215));
        assertEquals("−£955,000; 95% CI −£958,000 to −£952,000", change(SummaryCard.Kind.MONEY, 11_544_000, -955_300, -958_100, -952_400));
        assertEquals("+8.0; 95% CI +7.7 to +8.3", change(SummaryCard.Kind.RATIO, 64.6, 8.0, 7.7, 8.3));
        assertEquals("+5; 95% CI +5 to +5", change(SummaryCard.Kind.PEOPLE, 14, 5.13, 5.13, 5.13));
        assertEquals("+0.000010; 95% CI +0.000005 to +0.000015", change(SummaryCard.Kind.PEOPLE, 14, 1e-5, 0.5e-5, 1.5e-5),
                "down to the CSV files' six decimals");
        assertEquals("0.0; 95% CI 0.0 to 0.0", change(SummaryCard.Kind.PEOPLE, 14, 4e-13, 3e-13, 5e-13), "rounding noise below them");
    }

    /** Over a grid of points and widths, both signs: the three numbers differ and the shown width is within a step of the true one. */
    @Test
    void everyIntervalReadsAsAnIntervalOfAboutItsWidth() {
        for (SummaryCard.Kind kind : List.of(SummaryCard.Kind.PEOPLE, SummaryCard.Kind.RATIO, SummaryCard.Kind.MONEY)) {
            double unit = kind == SummaryCard.Kind.MONEY ? 1000 : 1;
            for (double mean : new double[] {-1234.5, -51.93, -3.3, -0.07, 0.0, 0.04, 2.6, 87.1, 4321.7}) {
                for (double width : new double[] {0.06, 0.13, 0.7, 2.2, 9.9, 19, 47, 230, 1900}) {
                    double m = mean * unit;
                    double w = width * unit;
                    String[] parts = change(kind, 5000 * unit, m, m - w / 2, m + w / 2).replace("95% CI ", "").split("; | to ");
                    String where = kind + " " + m + " ± " + w / 2 + ": " + String.join(", ", parts);
                    assertTrue(!parts[0].equals(parts[1]) && !parts[0].equals(parts[2]), where);
                    double shown = number(parts[2]) - number(parts[1]);
                    assertTrue(Math.abs(shown - w) <= w, where);
                }
            }
        }
    }

    private static double number(String s) {
        return Double.parseDouble(s.replace("−", "-").replace("+", "").replace("£", "").replace(",", ""));
    }

    /** An interval that leaves out zero beside "no detectable difference" says the verdict is the corrected one. */
    @Test
    void aVerdictLostToHolmsCorrectionSaysSo() {
        Metric completions = new Metric("successful_completions_per_year", "completions per year", "", Direction.HIGHER_IS_BETTER);
        PairedComparison clear = new PairedComparison(1630, 1260, new ConfidenceInterval(-370, 20, -430, -320, 3, 0.95), 0.0035);
        assertEquals("Successful completions a year: 1,630 → 1,260 (−370; 95% CI −430 to −320): no detectable difference after allowing for the number of comparisons.",
                SummaryCard.line(SummaryCard.HEADLINES.get(0), new ComparisonTable.Row(completions, "a", "b", clear, 0.35, Verdict.NO_DETECTABLE_DIFFERENCE, "")));
        PairedComparison straddles = new PairedComparison(1630, 1620, new ConfidenceInterval(-10, 20, -60, 40, 3, 0.95), 0.6);
        assertTrue(SummaryCard.line(SummaryCard.HEADLINES.get(0), new ComparisonTable.Row(completions, "a", "b", straddles, 1, Verdict.NO_DETECTABLE_DIFFERENCE, ""))
                .endsWith("): no detectable difference."));
    }

    @Test
    void relativeOnlyWhereTheBaselineIsMeaningfullyNonZero() {
        Metric waits = new Metric("waited_over_21d_per_year", "people per year", "", Direction.LOWER_IS_BETTER);
        PairedComparison fromNearZero = new PairedComparison(0.02, 2000, new ConfidenceInterval(1999.98, 5, 1990, 2010, 10, 0.95), 0);
        assertFalse(ReportCharts.relative(new ComparisonTable.Row(waits, "a", "b", fromNearZero, 0, Verdict.WORSE, "")));
        PairedComparison ordinary = new PairedComparison(100, 130, new ConfidenceInterval(30, 5, 25, 35, 10, 0.95), 0);
        assertTrue(ReportCharts.relative(new ComparisonTable.Row(waits, "a", "b", ordinary, 0, Verdict.WORSE, "")));
    }

    @Test
    void assumptionsComeFromCommentedValuesWithTheirPath() {
        List<Assumptions.Entry> e = Assumptions.entries("s", "f.yaml", List.of(
                "# header, not an entry",
                "name: s",
                "effects:",
                "  # How strongly caseloads lower completion",
                "  caseload_pressure:",
                "    completion: 0.3       # completion weight",
                "    dropout: 0.3",
                "warmup_months: 96   # the loop takes years"));
        assertEquals(3, e.size(), e.toString());
        assertEquals("effects.caseload_pressure", e.get(0).path());
        assertEquals("How strongly caseloads lower completion", e.get(0).source());
        assertEquals("effects.caseload_pressure.completion", e.get(1).path());
        assertEquals("0.3", e.get(1).value());
        assertEquals("completion weight", e.get(1).source());
        assertEquals("warmup_months", e.get(2).path());
        assertEquals("header, not an entry", Assumptions.header(List.of("# header, not an entry", "name: s")));
    }

    /** The run report's Results table gives every metric its card shows (the people waiting were missing). */
    @org.junit.jupiter.api.Test
    void everyLineOfTheCardIsARowOfTheRunReportsTable() {
        for (SummaryCard.Headline h : SummaryCard.HEADLINES) {
            org.junit.jupiter.api.Assertions.assertTrue(Reports.headlineRow(h.metric()), h.metric());
        }
    }
}
