package org.caseload.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.caseload.results.Direction;
import org.caseload.results.Metric;
import org.caseload.stats.ComparisonTable;
import org.caseload.stats.ConfidenceInterval;
import org.caseload.stats.PairedComparison;
import org.caseload.stats.Undefined;
import org.caseload.stats.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The page's table says an undefined interval with one dash, as the report does, not "— to —";
 * it leaves out each pathway's entries and stays, and its heading and note say so and where they are.
 */
class AnswersTest {
    private static ComparisonTable.Row row(ConfidenceInterval d, Verdict v) {
        return new ComparisonTable.Row(new Metric("wait_days_mean", "days", "mean wait", Direction.LOWER_IS_BETTER), "a", "b",
                new PairedComparison(10, 12, d, 0.01), 0.02, v, "");
    }

    @Test
    void anUndefinedIntervalIsOneDash() {
        ConfidenceInterval undefined = new ConfidenceInterval(2, Double.NaN, Double.NaN, Double.NaN, 1, 0.95);
        assertEquals(Undefined.DASH, Answers.verdicts(List.of(row(undefined, Verdict.UNDEFINED))).get(0).get(4));
        ConfidenceInterval defined = new ConfidenceInterval(2, 1, 1.5, 2.5, 10, 0.95);
        assertEquals("1.50 to 2.50", Answers.verdicts(List.of(row(defined, Verdict.WORSE))).get(0).get(4));
    }

    /** p-values read as in report.html (3 decimals, 4 below 0.001, "<0.0001"), not as in the CSV files (6 decimals). */
    @Test
    void pValuesReadAsInTheReport() {
        ConfidenceInterval d = new ConfidenceInterval(2, 1, 1.5, 2.5, 10, 0.95);
        for (double[] pShown : new double[][] {{0.380547, 0.381}, {1, 1.0}, {0.000512, 0.0005}}) {
            ComparisonTable.Row r = new ComparisonTable.Row(new Metric("wait_days_mean", "days", "mean wait", Direction.LOWER_IS_BETTER),
                    "a", "b", new PairedComparison(10, 12, d, pShown[0]), pShown[0], Verdict.NO_DETECTABLE_DIFFERENCE, "");
            String expected = String.format(java.util.Locale.ROOT, pShown[0] < 0.001 ? "%.4f" : "%.3f", pShown[1]);
            assertEquals(expected, Answers.verdicts(List.of(r)).get(0).get(5));
        }
        ComparisonTable.Row tiny = new ComparisonTable.Row(row(d, Verdict.WORSE).metric(), "a", "b", new PairedComparison(10, 12, d, 0),
                0, Verdict.WORSE, "");
        assertEquals("<0.0001", Answers.verdicts(List.of(tiny)).get(0).get(5));
    }

    @Test
    void theVerdictTableSaysWhichRowsItLeavesOutAndWhereTheyAre() {
        ConfidenceInterval d = new ConfidenceInterval(2, 1, 1.5, 2.5, 10, 0.95);
        ComparisonTable.Row entries = new ComparisonTable.Row(new Metric("entries_per_year_rehab", "people/year", "entries",
                Direction.NEUTRAL), "a", "b", new PairedComparison(10, 12, d, 0.01), 0.02, Verdict.HIGHER, "");
        List<List<String>> verdicts = Answers.verdicts(List.of(row(d, Verdict.WORSE), entries));
        assertEquals(List.of("wait_days_mean"), verdicts.stream().map(r -> r.get(0)).toList());
        Job job = new Job("j", new WhatIf.Request("leeds", 0, 0, Map.of(), Map.of(), 0, "", 2, 1, Map.of()));
        job.finished(new Job.Answer(Path.of("results", "serve", "j"), List.of("card"), List.of(), verdicts, List.of(),
                List.of("comparison.csv", "report.xlsx"), ""));
        String page = Page.answer(job);
        String section = page.substring(page.indexOf("<section id=\"verdicts\">"), page.indexOf("<table>"));
        assertTrue(section.contains("<h2>Every metric but pathway entries and stays</h2>"), section);
        assertTrue(section.contains("(entries_per_year_&lt;pathway&gt;, stay_days_mean_&lt;pathway&gt;) are in comparison.csv "
                + "and report.xlsx"), section);
        assertFalse(page.contains("entries_per_year_rehab"), "the row is left out");
    }
}
