package org.caseload.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.caseload.stats.ComparisonTable;

/**
 * Writes {@code comparison.csv}: one row per metric and alternative. {@code n} is the number
 * of paired replications used (those where the metric is defined in both scenarios);
 * {@code note} says why a verdict is undefined or replications were left out.
 */
public final class ComparisonFile {
    private ComparisonFile() {
    }

    public static void write(Path file, List<ComparisonTable.Row> rows) {
        try (CSVPrinter p = RunFiles.printer(file, "metric", "unit", "baseline", "scenario", "baseline_mean", "scenario_mean",
                "diff_mean", "diff_ci_low", "diff_ci_high", "n", "p_value", "p_adjusted", "verdict", "note")) {
            for (ComparisonTable.Row r : rows) {
                p.printRecord(r.metric().name(), r.metric().unit(), r.baseline(), r.scenario(), Numbers.format(r.comparison().baselineMean()),
                        Numbers.format(r.comparison().alternativeMean()), Numbers.format(r.comparison().difference().mean()),
                        Numbers.format(r.comparison().difference().low()), Numbers.format(r.comparison().difference().high()),
                        r.comparison().difference().n(), Numbers.pValue(r.comparison().pValue()), Numbers.pValue(r.pAdjusted()),
                        r.verdict().label(), r.note());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
