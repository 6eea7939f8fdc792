package org.caseload.web;

import java.util.ArrayList;
import java.util.List;
import org.caseload.report.Reports;
import org.caseload.stats.ComparisonTable;
import org.caseload.stats.ConfidenceInterval;

/**
 * The answer's verdict table, from the comparison rows the report uses (the summary card and
 * charts are the report's own: {@link org.caseload.report.SummaryCard},
 * {@link org.caseload.report.ReportCharts}).
 */
final class Answers {
    private Answers() {
    }

    /** One row per metric (pathway entry and stay details left to the CSV, as in the report). */
    static List<List<String>> verdicts(List<ComparisonTable.Row> rows) {
        List<List<String>> out = new ArrayList<>();
        for (ComparisonTable.Row r : rows) {
            if (!Reports.inVerdictTable(r)) continue;
            ConfidenceInterval d = r.comparison().difference();
            out.add(List.of(r.metric().name(), Reports.round(r.comparison().baselineMean()), Reports.round(r.comparison().alternativeMean()),
                    Reports.round(d.mean()), Reports.interval(d),
                    Reports.pValue(r.pAdjusted()), r.verdict().label()));
        }
        return out;
    }
}
