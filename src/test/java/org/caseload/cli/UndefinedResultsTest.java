package org.caseload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.caseload.scenario.Ranges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Undefined is not zero (issue 8 item 4): a metric with nothing to divide by is empty in
 * CSV files, "—" with a reason in what people read, left out of means (with the count used)
 * and never given a better/worse verdict; no output anywhere says NaN or Infinity.
 */
class UndefinedResultsTest {
    private static final String[] SHORT = {"--set", "horizon_months=24", "--set", "warmup_months=12"};
    /** What a non-finite number looks like when printed by Java, JFreeChart's SVG or a CSV writer. */
    private static final Pattern NOT_A_NUMBER = Pattern.compile("NaN|Infinity|\\bInf\\b|∞");

    static Path zeroStaffLeeds(Path dir) throws IOException {
        Path f = dir.resolve("no-intensive-staff.yaml");
        Files.writeString(f, "extends: " + Path.of("scenarios/leeds.yaml").toAbsolutePath() + "\n"
                + "name: no-intensive-staff\n"
                + "description: No intensive keywork staff\n"
                + "targets: []\n"
                + "pathways:\n  intensive_keywork:\n    capacity: {staff_fte: 0}\n", StandardCharsets.UTF_8);
        return f;
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file))) {
            return parser.getRecords();
        }
    }

    static CSVRecord row(List<CSVRecord> rows, Map<String, String> match) {
        return rows.stream().filter(r -> match.entrySet().stream().allMatch(e -> r.get(e.getKey()).equals(e.getValue())))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + match));
    }

    /** Every file written (recursively) and stdout: no NaN, no Infinity. */
    static void assertNoNonFiniteAnywhere(Path out, BadInputTest.Outcome o) throws IOException {
        assertFalse(NOT_A_NUMBER.matcher(o.out()).find(), "stdout: " + o.out());
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                if (f.toString().endsWith(".png") || f.toString().endsWith(".xlsx")) continue; // binary: checked by decoding
                // Embedded images are base64, where any three letters may occur by chance.
                String text = Files.readString(f, StandardCharsets.UTF_8).replaceAll("data:[a-z/+]+;base64,[A-Za-z0-9+/=]+", "");
                var m = NOT_A_NUMBER.matcher(text);
                assertFalse(m.find(), () -> f + " contains '" + m.group() + "' near: "
                        + text.substring(Math.max(0, m.start() - 80), Math.min(text.length(), m.end() + 40)));
            }
        }
    }

    @Test
    void zeroStaffCaseloadIsUndefinedAndGetsNoVerdict(@TempDir Path dir) throws IOException {
        Path alt = zeroStaffLeeds(dir);
        Path out = dir.resolve("cmp");
        BadInputTest.Outcome o = BadInputTest.execute(CompareCommandTest.args("compare", "scenarios/leeds.yaml", alt.toString(),
                "--replications", "3", "--seed", "5", "--out", out.toString()));
        assertEquals(0, o.exit(), o.err());

        String metric = "caseload_per_fte_mean_intensive_keywork";
        CSVRecord summary = row(csv(out.resolve("summary.csv")), Map.of("scenario", "no-intensive-staff", "metric", metric));
        assertEquals("", summary.get("mean"));
        assertEquals("", summary.get("ci_low"));
        assertEquals("0", summary.get("n"));
        CSVRecord defined = row(csv(out.resolve("summary.csv")), Map.of("scenario", "leeds", "metric", metric));
        assertTrue(Double.parseDouble(defined.get("mean")) > 0, "the baseline's caseload is defined");
        assertEquals("3", defined.get("n"));

        CSVRecord cmp = row(csv(out.resolve("comparison.csv")), Map.of("metric", metric));
        assertEquals("undefined", cmp.get("verdict"));
        assertEquals("", cmp.get("diff_mean"));
        assertEquals("", cmp.get("p_value"));
        assertEquals("0", cmp.get("n"));
        assertTrue(cmp.get("note").contains("no staff funded"), cmp.get("note"));
        // Non-caseload pathways have no staff ratio at all: omitted, not 0.
        assertFalse(Files.readString(out.resolve("summary.csv")).contains("caseload_per_fte_mean_rehab"));
        assertTrue(Files.readString(out.resolve("report.html")).contains("no staff funded in the pathway"));
        assertNoNonFiniteAnywhere(out, o);
    }

    @Test
    void zeroArrivalsLeaveCostPerCompletionUndefinedNotZero(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("run");
        BadInputTest.Outcome o = BadInputTest.execute("run", "src/test/resources/validation/queue.yaml",
                "--set", "arrivals.rate_per_month=0", "--replications", "2", "--out", out.toString());
        assertEquals(0, o.exit(), o.err());
        List<CSVRecord> summary = csv(out.resolve("summary.csv"));
        for (String metric : List.of("cost_per_successful_completion", "wait_days_mean", "pct_exits_successful")) {
            CSVRecord r = row(summary, Map.of("metric", metric));
            assertEquals("", r.get("mean"), metric);
            assertEquals("0", r.get("n"), metric);
        }
        // Counts of nothing are zero, not undefined.
        assertEquals("0", row(summary, Map.of("metric", "successful_completions_per_year")).get("mean"));
        for (CSVRecord r : csv(out.resolve("replications.csv"))) {
            if (r.get("metric").equals("cost_per_successful_completion")) assertEquals("", r.get("value"));
        }
        assertNoNonFiniteAnywhere(out, o);
    }

    @Test
    void oneReplicationRunsWithEmptyIntervals(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("one");
        BadInputTest.Outcome o = BadInputTest.execute(CompareCommandTest.args("run", "scenarios/leeds.yaml",
                "--replications", "1", "--out", out.toString()));
        assertEquals(0, o.exit(), o.err());
        CSVRecord r = row(csv(out.resolve("summary.csv")), Map.of("metric", "in_treatment_mean"));
        assertTrue(Double.parseDouble(r.get("mean")) > 0);
        assertEquals("1", r.get("n"));
        assertEquals("", r.get("sd"));
        assertEquals("", r.get("ci_low"));
        assertEquals("", r.get("ci_high"));
        assertNoNonFiniteAnywhere(out, o);
    }

    @Test
    void oneReplicationComparisonHasNoTestAndNoVerdict(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("one-cmp");
        BadInputTest.Outcome o = BadInputTest.execute(CompareCommandTest.args("compare", "scenarios/leeds.yaml",
                "scenarios/leeds-cut-50.yaml", "--replications", "1", "--out", out.toString()));
        assertEquals(0, o.exit(), o.err());
        for (CSVRecord r : csv(out.resolve("comparison.csv"))) {
            assertEquals("undefined", r.get("verdict"), r.toString());
            assertEquals("", r.get("p_value"));
            assertEquals("", r.get("diff_ci_low"));
        }
        assertNoNonFiniteAnywhere(out, o);
    }

    @Test
    void overflowingStaffIsRefusedAndTheLargestAllowedRunsWithoutNaN(@TempDir Path dir) throws IOException {
        // Costs of 1e308 FTE would overflow: the range check refuses the value before anything runs.
        Path refused = dir.resolve("huge");
        BadInputTest.Outcome o = BadInputTest.execute(CompareCommandTest.args("run", "scenarios/leeds.yaml",
                "--set", "pathways.intensive_keywork.capacity.staff_fte=1e308", "--replications", "2", "--out", refused.toString()));
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.err().contains("pathways.intensive_keywork.capacity.staff_fte"), o.err());
        assertFalse(Files.exists(refused), "a refused run writes nothing");
        // The largest value allowed runs, and nothing prints as NaN or Infinity.
        Path out = dir.resolve("most");
        BadInputTest.Outcome most = BadInputTest.execute(CompareCommandTest.args("run", "scenarios/leeds.yaml",
                "--set", "pathways.intensive_keywork.capacity.staff_fte=" + (long) Ranges.STAFF_FTE.max(), "--replications", "2",
                "--out", out.toString()));
        assertEquals(0, most.exit(), most.err());
        assertNoNonFiniteAnywhere(out, most);
    }

    @Test
    void tinyPValuesAreNeverPrintedAsZero(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("p");
        BadInputTest.Outcome o = BadInputTest.execute(CompareCommandTest.args("compare", "scenarios/leeds.yaml",
                "scenarios/leeds-cut-50.yaml", "--replications", "4", "--out", out.toString()));
        assertEquals(0, o.exit(), o.err());
        boolean sawFloor = false;
        for (CSVRecord r : csv(out.resolve("comparison.csv"))) {
            for (String col : List.of("p_value", "p_adjusted")) {
                String p = r.get(col);
                if (p.isEmpty()) continue;
                if (p.equals("<0.0001")) {
                    sawFloor = true;
                    continue;
                }
                assertTrue(Double.parseDouble(p) >= 0.0001, col + " " + p + " in " + r);
            }
        }
        assertTrue(sawFloor, "a 50% cut of staff changes keyworker FTE beyond any doubt: its p must print as <0.0001");
        assertFalse(Files.readString(out.resolve("report.html")).matches("(?s).*<td>0</td><td>(better|worse)</td>.*"));
        assertNoNonFiniteAnywhere(out, o);
    }
}
