package org.caseload.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.caseload.stats.ComparisonTable;

/** Writes {@code comparison.csv}: one row per metric and alternative. */
public final class ComparisonFile {
    private ComparisonFile() {
    }

    public static void write(Path file, List<ComparisonTable.Row> rows) {
        try (CSVPrinter p = RunFiles.printer(file, "metric", "baseline", "scenario", "baseline_mean", "scenario_mean",
                "diff_mean", "diff_ci_low", "diff_ci_high", "p_value", "p_adjusted", "verdict")) {
            for (ComparisonTable.Row r : rows) {
                p.printRecord(r.metric().name(), r.baseline(), r.scenario(), Numbers.format(r.comparison().baselineMean()),
                        Numbers.format(r.comparison().alternativeMean()), Numbers.format(r.comparison().difference().mean()),
                        Numbers.format(r.comparison().difference().low()), Numbers.format(r.comparison().difference().high()),
                        Numbers.format(r.comparison().pValue()), Numbers.format(r.pAdjusted()), r.verdict().label());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
