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
        assertEquals("0.0", SummaryCard.change(-0.01, SummaryCard.Kind.PEOPLE));
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
}
