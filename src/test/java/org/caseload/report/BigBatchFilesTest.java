package org.caseload.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.caseload.results.ReplicationResult;
import org.caseload.results.ScenarioResult;
import org.caseload.stats.BatchSummary;
import org.caseload.stats.ScenarioSummary;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files of a big batch stay usable: beyond 10,000 replications replications.csv is
 * gzip-compressed, and a Replications sheet longer than Excel allows is replaced by a note
 * (the workbook still opens); smaller batches keep the plain files.
 */
class BigBatchFilesTest {
    private static final int METRICS = 90;

    static ScenarioSummary batch(int replications) {
        List<ReplicationResult> reps = new ArrayList<>();
        for (int r = 0; r < replications; r++) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (int m = 0; m < METRICS; m++) metrics.put("metric_" + m, r + m / 100.0);
            reps.add(new ReplicationResult(r, metrics, Map.of("in_treatment", new double[] {r, r + 1})));
        }
        return BatchSummary.of(List.of(new ScenarioResult("big", reps)), false).scenarios().get(0);
    }

    @Test
    void bigBatchFilesAreCompressedAndTheWorkbookStillOpens(@TempDir Path dir) throws IOException {
        ScenarioSummary big = batch(12_000); // 1,080,000 rows: more than a worksheet holds
        RunFiles.writeAll(dir, List.of(big));
        assertFalse(Files.exists(dir.resolve("replications.csv")));
        long lines = 0;
        String last = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(dir.resolve("replications.csv.gz"))), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines++;
                last = line;
            }
        }
        assertEquals(12_000L * METRICS + 1, lines);
        assertEquals("big,12000,metric_89,11999.89", last);

        Path xlsx = dir.resolve("report.xlsx");
        XlsxReport.write(xlsx, List.of(big), null, List.of());
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            List<Row> rows = wb.findSheet("Replications").orElseThrow().read();
            assertEquals(2, rows.size());
            assertTrue(rows.get(1).getCellText(0).contains("replications.csv.gz"), rows.get(1).getCellText(0));
        }
    }

    @Test
    void ordinaryBatchesKeepThePlainFiles(@TempDir Path dir) throws IOException {
        ScenarioSummary small = batch(3);
        RunFiles.writeAll(dir, List.of(small));
        assertEquals(3 * METRICS + 1, Files.readAllLines(dir.resolve("replications.csv")).size());
        assertFalse(Files.exists(dir.resolve("replications.csv.gz")));
        Path xlsx = dir.resolve("report.xlsx");
        XlsxReport.write(xlsx, List.of(small), null, List.of());
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            assertEquals(3 * METRICS + 1, wb.findSheet("Replications").orElseThrow().read().size());
        }
    }

    @Test
    void heldMetricsBehaveAsTheMapTheyWereGiven() {
        Map<String, Double> given = new LinkedHashMap<>();
        given.put("b", 2.0);
        given.put("a", Double.NaN);
        given.put("c", -0.0);
        ReplicationResult r = new ReplicationResult(0, given, Map.of());
        assertEquals(given, r.metrics());
        assertEquals(List.of("b", "a", "c"), List.copyOf(r.metrics().keySet()), "insertion order kept");
        assertEquals(-0.0, r.metric("c"));
        assertTrue(Double.isNaN(r.metric("a")));
        assertEquals(null, r.metrics().get("d"));
        assertEquals(given.hashCode(), r.metrics().hashCode());
    }
}
