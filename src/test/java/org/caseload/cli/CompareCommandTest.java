package org.caseload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    private static final String[] SHORT = {"--set", "horizon_months=24", "--set", "warmup_months=24"};

    static String[] args(String... a) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(SHORT));
        return l.toArray(String[]::new);
    }

    /** One replication is said in the singular, on the card and in the closing line. */
    @Test
    void oneReplicationIsSingular(@TempDir Path dir) {
        Path out = dir.resolve("one");
        BadInputTest.Outcome o = BadInputTest.execute(args("run", "scenarios/medway.yaml", "--replications", "1", "--out", out.toString()));
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().startsWith("medway, 1 replication:\n"), o.out());
        assertTrue(o.out().contains("medway: 1 replication in "), o.out());
        assertFalse(o.out().contains("1 replications"), o.out());
    }

    @Test
    void writesComparisonReportAndPlainWords(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("cmp");
        BadInputTest.Outcome o = BadInputTest.execute(args("compare", "scenarios/leeds.yaml", "scenarios/leeds-cut-10.yaml",
                "--replications", "6", "--seed", "2", "--out", out.toString()));
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().startsWith("Cutting 10% from month 12 (leeds-cut-10) against leeds, 6 paired replications:\n"
                + "  Successful completions a year: "), o.out());
        assertTrue(o.out().contains("simulation noise only"), o.out());
        // The cut's split over the cost lines: every line falls, written with the card's minus sign.
        String split = o.out().lines().filter(l -> l.startsWith("How the change in spend fell on each cost line")).findFirst()
                .orElseThrow(() -> new AssertionError("no cost-line sentence: " + o.out()));
        for (String line : List.of("spend", "staff", "places", "assessment", "overheads")) {
            assertTrue(split.contains(line + " \u2212"), line + " must fall: " + split);
        }
        assertFalse(split.matches(".*\\s-\\d.*"), "a hyphen used as a minus sign: " + split);

        List<String> lines = Files.readAllLines(out.resolve("comparison.csv"));
        assertEquals("metric,unit,baseline,scenario,baseline_mean,scenario_mean,diff_mean,diff_ci_low,diff_ci_high,n,p_value,"
                + "p_adjusted,verdict,note", lines.get(0));
        Set<String> verdicts = Set.of("better", "worse", "higher", "lower", "no detectable difference");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertEquals(14, f.length, line);
            assertFalse(f[1].isEmpty(), "unit missing: " + line);
            assertEquals("leeds", f[2]);
            assertEquals("leeds-cut-10", f[3]);
            if (f[12].equals("undefined")) {
                // Only a leaver-cohort share whose follow-up cannot fit in this short window may be undefined, and says why.
                assertTrue(f[0].startsWith("pct_leavers_not_returned_") && f[9].equals("0")
                        && f[13].contains("follow-up inside the window"), line);
                continue;
            }
            assertEquals("6", f[9], line);
            assertTrue(verdicts.contains(f[12]), line);
            assertTrue(p(f[11]) >= p(f[10]) - 1e-12, "adjusted p below raw p: " + line);
        }
        String fte = lines.stream().filter(l -> l.startsWith("keyworker_fte_mean,")).findFirst().orElseThrow();
        assertTrue(fte.endsWith(",lower,"), "a 10% cut must lower keyworker FTE: " + fte);
        for (String f : List.of("replications.csv", "summary.csv", "monthly.csv", "manifest.json", "report.html", "report.xlsx")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(Files.readString(out.resolve("summary.csv")).contains("\nleeds-cut-10,in_treatment_mean,people,"));
        assertReportSelfContained(out.resolve("report.html"), 8);
    }

    /** A p-value cell: below the printed floor counts as the floor. */
    static double p(String cell) {
        return cell.equals("<0.0001") ? 0.0001 : Double.parseDouble(cell);
    }

    /** Every chart is embedded as a decodable, non-empty PNG and nothing is fetched from the network. */
    static void assertReportSelfContained(Path report, int expectedImages) throws IOException {
        String html = Files.readString(report);
        Matcher m = Pattern.compile("<img[^>]*src=\"([^\"]*)\"").matcher(html);
        int images = 0;
        while (m.find()) {
            String src = m.group(1);
            assertTrue(src.startsWith("data:image/png;base64,"), "image not embedded: " + src.substring(0, Math.min(40, src.length())));
            byte[] png = Base64.getDecoder().decode(src.substring("data:image/png;base64,".length()));
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            assertTrue(img != null && img.getWidth() > 100 && img.getHeight() > 100, "image does not decode");
            images++;
        }
        assertEquals(expectedImages, images, "charts in report");
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "report refers to the network");
        assertFalse(html.contains("<script"), "report has scripts");
    }

    @Test
    void precisionRecordsTheChosenCount(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("p");
        BadInputTest.Outcome o = BadInputTest.execute(args("run", "scenarios/leeds.yaml", "--precision", "0.05",
                "--seed", "3", "--out", out.toString()));
        assertEquals(0, o.exit(), o.err());
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        int chosen = manifest.get("replications_chosen").asInt();
        assertEquals(chosen, manifest.get("replications").asInt());
        assertTrue(chosen >= RunOptions.PRECISION_FIRST_BATCH, "chosen " + chosen);
        assertEquals(0.05, manifest.get("precision").asDouble());
        long rows = Files.readAllLines(out.resolve("replications.csv")).stream().filter(l -> l.contains(",in_treatment_mean,")).count();
        assertEquals(chosen, rows);
    }

    @Test
    void precisionAndReplicationsTogetherIsAUserError() {
        BadInputTest.Outcome o = BadInputTest.execute("run", "scenarios/leeds.yaml", "--precision", "0.05", "--replications", "5");
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("either --replications or --precision"), o.err());
    }

    @Test
    void runWritesItsOwnReport(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("r");
        BadInputTest.Outcome o = BadInputTest.execute(args("run", "scenarios/leeds.yaml", "--replications", "3", "--out", out.toString()));
        assertEquals(0, o.exit(), o.err());
        assertReportSelfContained(out.resolve("report.html"), 7);
        assertTrue(o.out().startsWith("leeds, 3 replications:\n  Successful completions a year: "), o.out());
        assertTrue(Files.exists(out.resolve("charts/in_treatment.svg")));
        assertTrue(Files.readString(out.resolve("charts/in_treatment.svg")).contains("<svg"));
    }

    @Test
    void warmupSuggestsATruncationAndDrawsWelchPlots(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("w");
        BadInputTest.Outcome o = BadInputTest.execute("warmup", "scenarios/leeds.yaml", "--replications", "3", "--months", "60",
                "--out", out.toString());
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().contains("Suggested warmup_months:"), o.out());
        List<String> rows = Files.readAllLines(out.resolve("warmup.csv"));
        assertEquals("scenario,metric,mser5_truncation_month", rows.get(0));
        // From empty, Leeds fills for years: the truncation must be well away from month 0.
        String inTreatment = rows.stream().filter(r -> r.contains(",in_treatment,")).findFirst().orElseThrow();
        assertTrue(Integer.parseInt(inTreatment.split(",")[2]) >= 15, inTreatment);
        assertTrue(Files.size(out.resolve("charts/welch_in_treatment.png")) > 1000);
    }
}
