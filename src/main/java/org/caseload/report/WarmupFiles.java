package org.caseload.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVPrinter;
import org.caseload.experiment.WarmupAnalysis;
import org.caseload.results.Metrics;

/** The files of {@code caseload warmup}: warmup.csv, welch.csv and a Welch plot per series. */
public final class WarmupFiles {
    private WarmupFiles() {
    }

    public static void write(Path dir, String scenario, WarmupAnalysis.Result result, int window) {
        try {
            Files.createDirectories(dir.resolve("charts"));
            try (CSVPrinter p = RunFiles.printer(dir.resolve("warmup.csv"), "scenario", "metric", "mser5_truncation_month")) {
                for (var t : result.truncation().entrySet()) p.printRecord(scenario, t.getKey(), t.getValue());
            }
            try (CSVPrinter p = RunFiles.printer(dir.resolve("welch.csv"), "scenario", "month", "metric", "mean", "moving_average")) {
                for (String series : WarmupAnalysis.SERIES) {
                    double[] mean = result.means().get(series);
                    double[] ma = result.movingAverage(series, window);
                    for (int i = 0; i < result.months(); i++) {
                        p.printRecord(scenario, i + 1, series, Numbers.format(mean[i]), Numbers.format(ma[i]));
                    }
                    Charts.write(Charts.welchPlot("Welch plot: " + series.replace('_', ' ') + " from an empty system",
                                    unit(series), ma, result.truncation().get(series)),
                            dir.resolve("charts").resolve("welch_" + series), 900, 480);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unit(String series) {
        for (var m : Metrics.MONTHLY) if (m.name().equals(series)) return m.unit();
        return "";
    }
}
