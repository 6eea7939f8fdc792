package org.caseload.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.caseload.results.ReplicationResult;
import org.caseload.results.ReplicationStore;
import org.caseload.results.Metric;
import org.caseload.results.Metrics;
import org.caseload.stats.ComparisonTable;
import org.caseload.stats.ConfidenceInterval;
import org.caseload.stats.ScenarioSummary;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * {@code report.xlsx}: the run's tables for people who work in a spreadsheet, with sheets
 * Summary, Comparison, Monthly, Replications and Assumptions. Numbers are stored as numbers
 * (full precision; undefined values are empty cells), headers carry units, the header row
 * is frozen and numbers have formats that read well. p-values are stored as numbers and
 * displayed as {@code <0.0001} below that floor.
 */
public final class XlsxReport {
    /** Rows of an Excel worksheet: a longer Replications sheet would not open, so it is left out. */
    private static final int EXCEL_ROWS = 1_048_576;
    static final String NUMBER = "#,##0.00";
    static final String WHOLE = "0";
    static final String P_VALUE = "[<0.0001]\"<0.0001\";0.0000";
    /** Rows of the Replications sheet written out at a time. */
    private static final int FLUSH_ROWS = 10_000;

    private XlsxReport() {
    }

    /** @param rows the comparison's rows, or null for a run */
    public static void write(Path file, List<ScenarioSummary> results, List<ComparisonTable.Row> rows,
                             List<Assumptions.Sources> assumptions) {
        try (OutputStream os = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(os, "caseload", "1.0");
            // Each sheet is finished (written out) before the next starts, in the order the workbook
            // would write them at the end, so the Replications sheet can be written out as it is
            // filled instead of held: the same bytes, a bounded memory.
            sheet(wb, "Summary", ws -> summary(ws, results));
            sheet(wb, "Comparison", ws -> comparison(ws, rows));
            sheet(wb, "Monthly", ws -> monthly(ws, results));
            sheet(wb, "Replications", ws -> replications(ws, results));
            sheet(wb, "Assumptions", ws -> assumptions(ws, assumptions));
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            withoutClock(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Filler {
        void fill(Worksheet ws) throws IOException;
    }

    /** A sheet filled and finished (written out) before the next starts. */
    private static void sheet(Workbook wb, String name, Filler filler) throws IOException {
        Worksheet ws = wb.newWorksheet(name);
        filler.fill(ws);
        ws.finish();
    }

    /**
     * The workbook as written, less the one clock reading in it (the creation time in
     * docProps/core.xml), so that the same results always give the same bytes, resumed,
     * sharded and merged runs included. Entry order and times are kept as written.
     */
    static void withoutClock(Path xlsx) throws IOException {
        // Read through the central directory (ZipFile): fastexcel writes sizes only there. Entries
        // are copied one at a time into a sibling and moved over the original, so memory does not
        // grow with the workbook (a big batch's Replications sheet is hundreds of megabytes of XML).
        Path copyFile = xlsx.resolveSibling(xlsx.getFileName() + ".tmp");
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(xlsx.toFile());
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(copyFile))) {
            for (java.util.zip.ZipEntry e : java.util.Collections.list(zip.entries())) {
                java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(e.getName());
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                try (java.io.InputStream in = zip.getInputStream(e)) {
                    if (e.getName().equals("docProps/core.xml")) {
                        out.write(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                                .replaceAll("<dcterms:created[^>]*>[^<]*</dcterms:created>", "")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    } else {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        Files.move(copyFile, xlsx, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void header(Worksheet ws, String... names) {
        for (int c = 0; c < names.length; c++) {
            ws.value(0, c, names[c]);
            ws.style(0, c).bold().wrapText(true).set();
            ws.width(c, Math.max(10, Math.min(40, names[c].length() + 2)));
        }
        ws.freezePane(0, 1);
    }

    /** A number, or an empty cell when undefined. */
    private static void number(Worksheet ws, int r, int c, double v, String format) {
        if (!Double.isFinite(v)) return;
        ws.value(r, c, v);
        ws.style(r, c).format(xmlAttribute(format)).set();
    }

    /**
     * A number format code as fastexcel (0.19) must be given it: it copies the code into the
     * {@code formatCode} attribute of styles.xml as it is, so the p-value format's {@code <} and
     * quotes made that part malformed XML. No format code shows "&lt;0.0001" without them, so they
     * are escaped here, once: a fastexcel that escaped them too would show the entities in the
     * cell (XlsxWellFormedTest reads the codes back and would fail).
     */
    private static String xmlAttribute(String code) {
        StringBuilder sb = null;
        for (int i = 0; i < code.length(); i++) {
            char ch = code.charAt(i);
            String entity = switch (ch) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                default -> null;
            };
            if (entity != null && sb == null) sb = new StringBuilder(code.length() + 16).append(code, 0, i);
            if (sb != null) {
                if (entity != null) sb.append(entity);
                else sb.append(ch);
            }
        }
        return sb == null ? code : sb.toString();
    }

    private static void summary(Worksheet ws, List<ScenarioSummary> results) {
        header(ws, "scenario", "metric", "unit", "mean (in the row's unit)", "sd (in the row's unit)",
                "95% CI low (in the row's unit)", "95% CI high (in the row's unit)", "n (replications where defined)");
        int r = 1;
        for (ScenarioSummary s : results) {
            Map<String, Metric> catalogue = RunFiles.catalogue(s);
            for (String metric : s.metricNames()) {
                ConfidenceInterval ci = s.interval(metric, RunFiles.LEVEL);
                ws.value(r, 0, s.scenario());
                ws.value(r, 1, metric);
                ws.value(r, 2, RunFiles.unit(catalogue, metric));
                number(ws, r, 3, ci.mean(), NUMBER);
                number(ws, r, 4, ci.sd(), NUMBER);
                number(ws, r, 5, ci.low(), NUMBER);
                number(ws, r, 6, ci.high(), NUMBER);
                number(ws, r, 7, ci.n(), WHOLE);
                r++;
            }
        }
    }

    private static void comparison(Worksheet ws, List<ComparisonTable.Row> rows) {
        header(ws, "metric", "unit", "baseline", "scenario", "baseline mean (in the row's unit)",
                "scenario mean (in the row's unit)", "difference (in the row's unit)", "difference 95% CI low",
                "difference 95% CI high", "n (paired replications)", "p-value (paired t, two-sided)",
                "p-value (Holm-adjusted)", "verdict", "note");
        if (rows == null) {
            ws.value(1, 0, "A run of one scenario: no comparison (use caseload compare).");
            return;
        }
        int r = 1;
        for (ComparisonTable.Row row : rows) {
            ConfidenceInterval d = row.comparison().difference();
            ws.value(r, 0, row.metric().name());
            ws.value(r, 1, row.metric().unit());
            ws.value(r, 2, row.baseline());
            ws.value(r, 3, row.scenario());
            number(ws, r, 4, row.comparison().baselineMean(), NUMBER);
            number(ws, r, 5, row.comparison().alternativeMean(), NUMBER);
            number(ws, r, 6, d.mean(), NUMBER);
            number(ws, r, 7, d.low(), NUMBER);
            number(ws, r, 8, d.high(), NUMBER);
            number(ws, r, 9, d.n(), WHOLE);
            number(ws, r, 10, row.comparison().pValue(), P_VALUE);
            number(ws, r, 11, row.pAdjusted(), P_VALUE);
            ws.value(r, 12, row.verdict().label());
            if (!row.note().isEmpty()) ws.value(r, 13, row.note());
            r++;
        }
    }

    private static void monthly(Worksheet ws, List<ScenarioSummary> results) {
        header(ws, "scenario", "month (1 = first reported month)", "series", "unit", "mean (in the row's unit)",
                "95% CI low", "95% CI high");
        int r = 1;
        for (ScenarioSummary s : results) {
            for (int m = 0; m < s.months(); m++) {
                for (String series : s.monthlySeries()) {
                    ConfidenceInterval ci = s.monthlyInterval(series, m, RunFiles.LEVEL);
                    ws.value(r, 0, s.scenario());
                    ws.value(r, 1, m + 1);
                    ws.value(r, 2, series);
                    ws.value(r, 3, monthlyUnit(series));
                    number(ws, r, 4, ci.mean(), NUMBER);
                    number(ws, r, 5, ci.low(), NUMBER);
                    number(ws, r, 6, ci.high(), NUMBER);
                    r++;
                }
            }
        }
    }

    private static String monthlyUnit(String series) {
        for (Metric m : Metrics.MONTHLY) if (m.name().equals(series)) return m.unit();
        return "";
    }

    private static void replications(Worksheet ws, List<ScenarioSummary> results) throws IOException {
        header(ws, "scenario", "replication (1 = substream 0)", "metric", "unit", "value (in the row's unit)");
        long rows = 0;
        for (ScenarioSummary s : results) rows += (long) s.replications() * s.metricNames().size();
        if (rows >= EXCEL_ROWS) {
            ws.value(1, 0, String.format(java.util.Locale.ROOT, "%,d rows (replications x metrics) do not fit in a worksheet "
                    + "(at most %,d): every value is in %s", rows, EXCEL_ROWS - 1, RunFiles.replicationsFileName(results)));
            return;
        }
        int r = 1;
        int flushed = 0;
        for (ScenarioSummary s : results) {
            Map<String, Metric> catalogue = RunFiles.catalogue(s);
            try (ReplicationStore.Reader reps = s.replicationResults()) {
                while (reps.hasNext()) {
                    ReplicationResult rep = reps.next();
                    for (Map.Entry<String, Double> e : rep.metrics().entrySet()) {
                        ws.value(r, 0, s.scenario());
                        ws.value(r, 1, rep.replication() + 1);
                        ws.value(r, 2, e.getKey());
                        ws.value(r, 3, RunFiles.unit(catalogue, e.getKey()));
                        number(ws, r, 4, e.getValue(), NUMBER);
                        r++;
                    }
                    if (r >= flushed + FLUSH_ROWS) {
                        ws.flush();
                        flushed = r;
                    }
                }
            }
        }
    }

    private static void assumptions(Worksheet ws, List<Assumptions.Sources> sources) {
        header(ws, "scenario", "setting", "value (as written)", "source or reason (from the file)", "file");
        int r = 1;
        for (Assumptions.Sources s : sources) {
            for (String h : s.headers()) {
                ws.value(r, 0, s.scenario());
                ws.value(r, 1, "(file header)");
                ws.value(r, 3, h);
                r++;
            }
            for (Assumptions.Entry e : s.entries()) {
                ws.value(r, 0, e.scenario());
                ws.value(r, 1, e.path());
                ws.value(r, 2, e.value());
                ws.value(r, 3, e.source());
                ws.value(r, 4, e.file());
                r++;
            }
        }
    }
}
