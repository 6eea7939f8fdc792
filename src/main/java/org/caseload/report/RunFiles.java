package org.caseload.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.caseload.results.ReplicationResult;
import org.caseload.results.Metric;
import org.caseload.results.Metrics;
import org.caseload.results.ReplicationStore;
import org.caseload.stats.ConfidenceInterval;
import org.caseload.stats.ScenarioSummary;

/**
 * Writes the tidy files of a run: {@code replications.csv} (one row per replication and
 * metric), {@code summary.csv} (mean, sd and Student-t interval per metric) and
 * {@code monthly.csv} (per reported month). Rows follow scenario, replication and catalogue
 * order, so the files are byte-identical for the same seed whatever the thread count.
 */
public final class RunFiles {
    public static final double LEVEL = 0.95;
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private RunFiles() {
    }

    /**
     * Above this many replications of one scenario, {@code replications.csv} is written
     * gzip-compressed as {@code replications.csv.gz} (a 100,000-replication Leeds run would
     * otherwise be a 300 MB file per scenario; compressed it is about a tenth).
     */
    public static final int COMPRESS_ABOVE_REPLICATIONS = 10_000;

    public static void writeAll(Path dir, List<ScenarioSummary> results) {
        writeReplications(dir.resolve(replicationsFileName(results)), results);
        writeSummary(dir.resolve("summary.csv"), results);
        writeMonthly(dir.resolve("monthly.csv"), results);
    }

    /** Every replication's values, read back from each scenario's store in one pass. */
    public static void writeReplications(Path file, List<ScenarioSummary> results) {
        try (CSVPrinter p = printer(file, "scenario", "replication", "metric", "value")) {
            for (ScenarioSummary s : results) {
                try (ReplicationStore.Reader reps = s.replicationResults()) {
                    while (reps.hasNext()) {
                        ReplicationResult r = reps.next();
                        for (Map.Entry<String, Double> e : r.metrics().entrySet()) {
                            p.printRecord(s.scenario(), r.replication() + 1, e.getKey(), Numbers.format(e.getValue()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeSummary(Path file, List<ScenarioSummary> results) {
        try (CSVPrinter p = printer(file, "scenario", "metric", "unit", "mean", "sd", "ci_low", "ci_high", "n")) {
            for (ScenarioSummary s : results) {
                Map<String, Metric> catalogue = catalogue(s);
                for (String metric : s.metricNames()) {
                    ConfidenceInterval ci = s.interval(metric, LEVEL);
                    p.printRecord(s.scenario(), metric, unit(catalogue, metric), Numbers.format(ci.mean()), Numbers.format(ci.sd()),
                            Numbers.format(ci.low()), Numbers.format(ci.high()), ci.n());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeMonthly(Path file, List<ScenarioSummary> results) {
        try (CSVPrinter p = printer(file, "scenario", "month", "metric", "mean", "ci_low", "ci_high")) {
            for (ScenarioSummary s : results) {
                for (int m = 0; m < s.months(); m++) {
                    for (String metric : s.monthlySeries()) {
                        ConfidenceInterval ci = s.monthlyInterval(metric, m, LEVEL);
                        p.printRecord(s.scenario(), m + 1, metric, Numbers.format(ci.mean()),
                                Numbers.format(ci.low()), Numbers.format(ci.high()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The metric catalogue of a scenario's results (its pathways read from the per-pathway metric names). */
    public static Map<String, Metric> catalogue(ScenarioSummary s) {
        List<String> pathways = s.metricNames().stream().filter(m -> m.startsWith(Metrics.IN_TREATMENT_PREFIX))
                .map(m -> m.substring(Metrics.IN_TREATMENT_PREFIX.length())).toList();
        Map<String, Metric> index = new LinkedHashMap<>();
        for (Metric m : Metrics.forPathways(pathways)) index.put(m.name(), m);
        return index;
    }

    static String unit(Map<String, Metric> catalogue, String metric) {
        Metric m = catalogue.get(metric);
        return m == null ? "" : m.unit();
    }

    /** {@code replications.csv}, or {@code replications.csv.gz} for a big batch (see {@link #COMPRESS_ABOVE_REPLICATIONS}). */
    public static String replicationsFileName(List<ScenarioSummary> results) {
        int most = 0;
        for (ScenarioSummary s : results) most = Math.max(most, s.replications());
        return most > COMPRESS_ABOVE_REPLICATIONS ? "replications.csv.gz" : "replications.csv";
    }

    /** A UTF-8 CSV printer with the given header and '\n' line ends, used for every CSV the tool writes. */
    public static CSVPrinter printer(Path file, String... header) throws IOException {
        Writer w = file.getFileName().toString().endsWith(".gz")
                ? new java.io.BufferedWriter(new java.io.OutputStreamWriter(
                        new java.util.zip.GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16)
                : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(w, CSV.builder().setHeader(header).get());
    }
}
