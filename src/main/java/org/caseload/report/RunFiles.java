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
import org.caseload.results.ScenarioResult;
import org.caseload.stats.ConfidenceInterval;

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

    public static void writeAll(Path dir, List<ScenarioResult> results) {
        writeReplications(dir.resolve(replicationsFileName(results)), results);
        writeSummary(dir.resolve("summary.csv"), results);
        writeMonthly(dir.resolve("monthly.csv"), results);
    }

    public static void writeReplications(Path file, List<ScenarioResult> results) {
        try (CSVPrinter p = printer(file, "scenario", "replication", "metric", "value")) {
            for (ScenarioResult s : results) {
                for (ReplicationResult r : s.replications()) {
                    for (Map.Entry<String, Double> e : r.metrics().entrySet()) {
                        p.printRecord(s.scenario(), r.replication() + 1, e.getKey(), Numbers.format(e.getValue()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeSummary(Path file, List<ScenarioResult> results) {
        try (CSVPrinter p = printer(file, "scenario", "metric", "unit", "mean", "sd", "ci_low", "ci_high", "n")) {
            for (ScenarioResult s : results) {
                Map<String, Metric> catalogue = catalogue(s);
                for (String metric : metricNames(s)) {
                    ConfidenceInterval ci = ConfidenceInterval.student(s.values(metric), LEVEL);
                    p.printRecord(s.scenario(), metric, unit(catalogue, metric), Numbers.format(ci.mean()), Numbers.format(ci.sd()),
                            Numbers.format(ci.low()), Numbers.format(ci.high()), ci.n());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeMonthly(Path file, List<ScenarioResult> results) {
        try (CSVPrinter p = printer(file, "scenario", "month", "metric", "mean", "ci_low", "ci_high")) {
            for (ScenarioResult s : results) {
                if (s.replications().isEmpty()) continue;
                Map<String, double[]> first = s.replications().get(0).monthly();
                int months = first.values().iterator().next().length;
                for (int m = 0; m < months; m++) {
                    for (String metric : first.keySet()) {
                        ConfidenceInterval ci = ConfidenceInterval.student(monthlyValues(s, metric, m), LEVEL);
                        p.printRecord(s.scenario(), m + 1, metric, Numbers.format(ci.mean()),
                                Numbers.format(ci.low()), Numbers.format(ci.high()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Values of one monthly series at month index m, across replications. */
    public static double[] monthlyValues(ScenarioResult s, String metric, int m) {
        double[] v = new double[s.replications().size()];
        for (int i = 0; i < v.length; i++) v[i] = s.replications().get(i).monthly().get(metric)[m];
        return v;
    }

    /** The metric catalogue of a scenario's results (its pathways read from the per-pathway metric names). */
    public static Map<String, Metric> catalogue(ScenarioResult s) {
        List<String> pathways = metricNames(s).stream().filter(m -> m.startsWith(Metrics.IN_TREATMENT_PREFIX))
                .map(m -> m.substring(Metrics.IN_TREATMENT_PREFIX.length())).toList();
        Map<String, Metric> index = new LinkedHashMap<>();
        for (Metric m : Metrics.forPathways(pathways)) index.put(m.name(), m);
        return index;
    }

    static String unit(Map<String, Metric> catalogue, String metric) {
        Metric m = catalogue.get(metric);
        return m == null ? "" : m.unit();
    }

    /** Whether a scenario's results carry a metric (clients per FTE exists only for caseload pathways). */
    public static boolean reports(ScenarioResult s, String metric) {
        return !s.replications().isEmpty() && s.replications().get(0).metrics().containsKey(metric);
    }

    public static List<String> metricNames(ScenarioResult s) {
        return s.replications().isEmpty() ? List.of() : List.copyOf(s.replications().get(0).metrics().keySet());
    }

    /** {@code replications.csv}, or {@code replications.csv.gz} for a big batch (see {@link #COMPRESS_ABOVE_REPLICATIONS}). */
    public static String replicationsFileName(List<ScenarioResult> results) {
        int most = 0;
        for (ScenarioResult s : results) most = Math.max(most, s.replications().size());
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
