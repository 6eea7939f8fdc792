package org.caseload.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.caseload.results.Metric;
import org.caseload.results.Metrics;
import org.caseload.stats.ComparisonTable;
import org.caseload.stats.PairedComparison;
import org.caseload.stats.Verdict;
import org.junit.jupiter.api.Test;

/** The terminal's sentence on how a change in spend fell on the cost lines. */
class CostLineTableTest {
    private static ComparisonTable.Row row(String metric, double base, double alt) {
        Metric m = Metrics.forPathways(List.of("p")).stream().filter(x -> x.name().equals(metric)).findFirst().orElseThrow();
        PairedComparison c = PairedComparison.paired(new double[] {base, base + 1}, new double[] {alt, alt + 1}, 0.95);
        return new ComparisonTable.Row(m, "base", "alt", c, 0.0, Verdict.LOWER, "");
    }

    /**
     * A line that moved against the change in spend (medication up while spend fell) has a
     * negative share, written with the minus sign as every other negative figure of the
     * sentence; the sentence does not call the change a budget change (a staffing what-if
     * changes spend too).
     */
    @Test
    void aLineMovingAgainstTheChangeHasANegativeShareWithTheMinusSign() {
        List<ComparisonTable.Row> rows = new ArrayList<>();
        rows.add(row(Metrics.SPEND_PER_YEAR, 1000, 900));
        rows.add(row(Metrics.COST_STAFF_PER_YEAR, 500, 380));
        rows.add(row(Metrics.COST_MEDICATION_PER_YEAR, 200, 220));
        rows.add(row(Metrics.COST_OVERHEADS_PER_YEAR, 300, 300));
        List<String> out = CostLineTable.sentences(rows);
        assertEquals(1, out.size(), out.toString());
        String s = out.get(0);
        assertTrue(s.startsWith("How the change in spend fell on each cost line (alt against base"), s);
        assertTrue(s.matches(".*staff \u221224[.0-9]*% \\(120(\\.0+)?% of the change\\).*"), s);
        assertTrue(s.matches(".*medication \\+9[.0-9]*% \\(\u221220(\\.0+)?% of the change\\).*"), s);
        assertFalse(s.matches(".*[\\s(]-\\d.*"), "a hyphen used as a minus sign: " + s);
    }
}
