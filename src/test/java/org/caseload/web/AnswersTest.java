package org.caseload.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.caseload.results.Direction;
import org.caseload.results.Metric;
import org.caseload.stats.ComparisonTable;
import org.caseload.stats.ConfidenceInterval;
import org.caseload.stats.PairedComparison;
import org.caseload.stats.Undefined;
import org.caseload.stats.Verdict;
import org.junit.jupiter.api.Test;

/** The page's table says an undefined interval with one dash, as the report does, not "— to —". */
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
}
