package org.caseload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a commissioner opens (issue 13): the summary card, a report that reads at a glance
 * with the 50% cut (no percentage above 1,000%, no 0 where a value is undefined), and
 * report.xlsx with the same numbers as the CSV files.
 */
class ReportContentTest {
    @TempDir
    static Path dir;
    static Path out;
    static BadInputTest.Outcome outcome;

    @BeforeAll
    static void compareWithTheDeepCut() {
        out = dir.resolve("cut-50");
        // Under the proportional rule a 50% cut removes every keyworker: undefined caseloads to show.
        // Four pairs, not three: with two degrees of freedom even this cut's fall in completions can miss
        // significance once Holm's correction runs over every metric, which made the card's verdict a matter of seed.
        outcome = BadInputTest.execute(CompareCommandTest.args("compare", "scenarios/leeds.yaml", "scenarios/leeds-cut-50.yaml",
                "--replications", "4", "--out", out.toString(), "--set", "budget.allocation.rule=proportional"));
        assertEquals(0, outcome.exit(), outcome.err());
    }

    static String html() throws IOException {
        return Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    }

    /** Rows of the report's tables as lists of cell texts (HTML entities left as written). */
    static List<List<String>> tableRows(String html) {
        List<List<String>> rows = new ArrayList<>();
        Matcher tr = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(html);
        while (tr.find()) {
            List<String> cells = new ArrayList<>();
            Matcher td = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(tr.group(1));
            while (td.find()) cells.add(td.group(1));
            if (!cells.isEmpty()) rows.add(cells);
        }
        return rows;
    }

    @Test
    void summaryCardComesFirstOnStdoutAndInTheReport() throws IOException {
        String[] lines = outcome.out().split("\n");
        assertEquals("Cutting 50% from month 12 (leeds-cut-50) against leeds, 4 paired replications:", lines[0]);
        assertTrue(lines[1].matches("  Successful completions a year: [0-9,]+0 → [0-9,]+0 \\(−[0-9,]+; 95% CI −[0-9,]+ to −[0-9,]+\\): worse\\."),
                lines[1]);
        assertTrue(outcome.out().contains("Spend a year: £") && outcome.out().contains("000): lower (descriptive)."), outcome.out());
        assertTrue(outcome.out().contains("Clients per keyworker: — (undefined in leeds-cut-50: no keyworker staff"), outcome.out());
        assertTrue(outcome.out().contains("simulation noise only") && outcome.out().contains("caseload psa"), outcome.out());
        String html = html();
        int card = html.indexOf("id=\"summary-card\"");
        assertTrue(card > 0 && card < html.indexOf("<h2>In plain words</h2>"), "card must open the report");
        assertTrue(html.contains("Successful completions a year: "));
    }

    @Test
    void noRelativeChangeAboveAThousandPercentAnywhere() throws IOException {
        String html = html();
        Matcher pct = Pattern.compile("([+\\-−]?[0-9][0-9,]*(?:\\.[0-9]+)?)%").matcher(html.replaceAll("data:[^\"]+", ""));
        int seen = 0;
        while (pct.find()) {
            double v = Double.parseDouble(pct.group(1).replace(",", "").replace("−", "-"));
            assertTrue(Math.abs(v) <= 1000, "relative change " + pct.group() + " in the report");
            seen++;
        }
        assertTrue(seen > 10, "expected relative changes in the report, saw " + seen);
    }

    @Test
    void undefinedValuesAreDashesWithReasonsNeverZero() throws IOException {
        List<CSVRecord> cmp = UndefinedResultsTest.csv(out.resolve("comparison.csv"));
        List<String> undefined = cmp.stream().filter(r -> r.get("diff_mean").isEmpty()).map(r -> r.get("metric")).toList();
        assertTrue(undefined.contains("caseload_per_worker_mean"), "the 50% cut removes every keyworker: " + undefined);
        Map<String, List<String>> byMetric = new HashMap<>();
        for (List<String> row : tableRows(html())) if (row.size() == 11) byMetric.put(row.get(0), row);
        for (String m : undefined) {
            List<String> row = byMetric.get(m);
            if (row == null) continue; // per-pathway entries and stays are left out of the report's table
            assertEquals("—", row.get(4), m + " scenario mean: " + row);
            assertEquals("—", row.get(5), m + " difference: " + row);
            assertEquals("undefined", row.get(9), m + ": " + row);
            assertFalse(row.get(10).isBlank(), m + " has no reason: " + row);
        }
        assertTrue(byMetric.containsKey("caseload_per_worker_mean"));
    }

    @Test
    void spendIsDescriptiveAndColoursFollowDirection() throws IOException {
        CSVRecord spend = UndefinedResultsTest.row(UndefinedResultsTest.csv(out.resolve("comparison.csv")),
                Map.of("metric", "spend_per_year"));
        assertEquals("lower", spend.get("verdict"));
        assertEquals("GBP per year", spend.get("unit"));
        String html = html();
        assertTrue(html.contains("<td class=\"worse\">worse</td>"));
        assertTrue(html.contains("<td class=\"neutral\">lower</td>"));
        for (List<String> row : tableRows(html)) {
            if (row.get(0).equals("spend_per_year")) assertEquals("lower", row.get(9), "spend is descriptive: " + row);
        }
    }

    @Test
    void chartsMarkersCommandAssumptionsAndPrintStyle() throws IOException {
        for (String chart : List.of("spend", "successful_completions", "deaths", "waiting_list", "in_treatment", "differences")) {
            assertTrue(Files.size(out.resolve("charts/" + chart + ".png")) > 1000, chart);
        }
        String html = html();
        Matcher alt = Pattern.compile("<img alt=\"([^\"]*)\"").matcher(html);
        int images = 0;
        while (alt.find()) {
            assertTrue(alt.group(1).length() > 30, "alt text too thin: " + alt.group(1));
            images++;
        }
        assertEquals(8, images);
        assertTrue(html.contains("budget from month 12: leeds-cut-50 -50%"), "budget change marker");
        // What the results depend on, not how they were run (--out, --threads): a resumed or
        // merged batch writes the same report.
        assertTrue(html.contains("caseload compare scenarios/leeds.yaml scenarios/leeds-cut-50.yaml --set budget.allocation.rule=proportional "
                + "--set horizon_months=24 --set warmup_months=24 --replications 4 --seed 1</code>"),
                "reproducing command");
        assertTrue(html.contains("Assumptions and their sources"));
        assertTrue(html.contains("seeded at rest, histories and stays included"), "leeds.yaml comment as a source");
        assertTrue(html.contains("@media print{@page{size:A4"));
        // What was run: the shared warm-up of scenarios compared, said where it is given; people with thousands separators.
        assertTrue(html.contains("months of warm-up (scenarios compared all warm up as long as the longest of them)"), "shared warm-up");
        // The differences chart's words give each bar's verdict; a metric without a percentage says why, truly.
        assertFalse(html.contains("no verdict or descriptive"), "a bar's verdict in words");
        assertTrue(html.contains("% (lower)") || html.contains("% (higher)"), "a descriptive bar says 'lower' or 'higher'");
        assertFalse(html.contains("too near zero"), "the reason for no percentage");
        assertTrue(Pattern.compile("Initial caseload</dt><dd>\\d,\\d{3} people").matcher(html).find(), "initial caseload with a separator");
    }

    /**
     * The verdict table leaves out each pathway's entries and stays; the paragraph above it says so
     * and where they are, and they are there (comparison.csv, and report.xlsx holds its rows).
     */
    @Test
    void verdictParagraphSaysWhereThePathwayRowsAre() throws IOException {
        String html = html();
        Matcher p = Pattern.compile("<p>([^<]*Holm-adjusted p-values at alpha[^<]*)</p>").matcher(html);
        assertTrue(p.find(), "no paragraph above the verdict table");
        String words = p.group(1);
        assertTrue(words.contains("entries_per_year_&lt;pathway&gt;, stay_days_mean_&lt;pathway&gt;"), words);
        assertTrue(words.contains("left out of this table: they are in comparison.csv and report.xlsx."), words);
        List<String> inReport = tableRows(html).stream().map(r -> r.get(0)).toList();
        List<String> inCsv = UndefinedResultsTest.csv(out.resolve("comparison.csv")).stream().map(r -> r.get("metric")).toList();
        for (String prefix : List.of("entries_per_year_", "stay_days_mean_")) {
            assertTrue(inCsv.stream().anyMatch(m -> m.startsWith(prefix)), prefix + " rows missing from comparison.csv");
            assertTrue(inReport.stream().noneMatch(m -> m.startsWith(prefix)), prefix + " rows in the report's tables");
        }
    }

    @Test
    void spreadsheetHoldsTheCsvNumbersAsNumbers() throws IOException {
        Path xlsx = out.resolve("report.xlsx");
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            String sheet1 = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(sheet1.contains("state=\"frozen\""), "header row not frozen");
        }
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            assertEquals(List.of("Summary", "Comparison", "Monthly", "Replications", "Assumptions"),
                    wb.getSheets().map(Sheet::getName).toList());
            List<Row> summary = rows(wb, "Summary");
            assertEquals("mean (in the row's unit)", summary.get(0).getCellText(3));
            List<CSVRecord> csv = UndefinedResultsTest.csv(out.resolve("summary.csv"));
            assertEquals(csv.size(), summary.size() - 1);
            for (int i = 0; i < csv.size(); i++) {
                Row row = summary.get(i + 1);
                CSVRecord r = csv.get(i);
                assertEquals(r.get("scenario"), row.getCellText(0));
                assertEquals(r.get("metric"), row.getCellText(1));
                assertEquals(r.get("unit"), row.getCellText(2));
                assertSameNumber(r.get("mean"), row.getCellAsNumber(3), r.get("metric"));
                assertSameNumber(r.get("ci_high"), row.getCellAsNumber(6), r.get("metric"));
                assertSameNumber(r.get("n"), row.getCellAsNumber(7), r.get("metric"));
            }
            List<Row> comparison = rows(wb, "Comparison");
            List<CSVRecord> cmp = UndefinedResultsTest.csv(out.resolve("comparison.csv"));
            assertEquals(cmp.size(), comparison.size() - 1);
            for (int i = 0; i < cmp.size(); i++) {
                Row row = comparison.get(i + 1);
                CSVRecord r = cmp.get(i);
                assertEquals(r.get("metric"), row.getCellText(0));
                assertSameNumber(r.get("diff_mean"), row.getCellAsNumber(6), r.get("metric"));
                assertEquals(r.get("verdict"), row.getCellText(12));
                Optional<BigDecimal> p = row.getCellAsNumber(10);
                if (r.get("p_value").equals("<0.0001")) assertTrue(p.orElseThrow().doubleValue() < 0.0001);
                else assertSameNumber(r.get("p_value"), p, r.get("metric"));
            }
            long csvReplications;
            try (Stream<String> lines = Files.lines(out.resolve("replications.csv"))) {
                csvReplications = lines.count() - 1;
            }
            assertEquals(csvReplications, rows(wb, "Replications").size() - 1);
            assertTrue(rows(wb, "Monthly").size() > 100);
            assertTrue(rows(wb, "Assumptions").size() > 10, "assumptions read from the scenario files");
        }
    }

    private static List<Row> rows(ReadableWorkbook wb, String sheet) throws IOException {
        try (Stream<Row> rows = wb.findSheet(sheet).orElseThrow().openStream()) {
            return rows.toList();
        }
    }

    /** The CSV has 6 decimals; the sheet keeps full precision. An empty CSV cell is an empty sheet cell. */
    private static void assertSameNumber(String csv, Optional<BigDecimal> cell, String what) {
        if (csv.isEmpty()) {
            assertTrue(cell.isEmpty(), what + ": undefined in the CSV but " + cell + " in the sheet");
            return;
        }
        double expected = Double.parseDouble(csv);
        double actual = cell.orElseThrow(() -> new AssertionError(what + ": empty cell, CSV " + csv)).doubleValue();
        assertEquals(expected, actual, 1e-6 * Math.max(1, Math.abs(expected)), what);
    }
}
