package org.caseload.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.caseload.model.Activity;
import org.caseload.results.Metrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --event-log N}: the log reads back as a process-mining event log (case, activity,
 * timestamp, resource), is consistent with the run's own metrics, starts every case with a
 * referral or the initial caseload, and has the same bytes whatever the thread count.
 */
class EventLogTest {
    private static final LocalDate START = LocalDate.of(2030, 1, 1);
    private static final int HORIZON_MONTHS = 24;
    private static final int WARMUP_MONTHS = 12;
    @TempDir
    static Path dir;
    static Path scenario;
    static Path oneThread;
    static Path twoThreads;

    @BeforeAll
    static void runTwice() throws IOException {
        scenario = dir.resolve("dated.yaml");
        Files.writeString(scenario, "extends: " + Path.of("scenarios/leeds.yaml").toAbsolutePath() + "\n"
                + "name: dated\nstart_date: " + START + "\nhorizon_months: " + HORIZON_MONTHS + "\nwarmup_months: "
                + WARMUP_MONTHS + "\n"
                // Fewer assessors than Leeds has, so that people give up waiting for assessment and some are re-referred.
                + "assessment:\n  workers: 15\n");
        oneThread = dir.resolve("one");
        twoThreads = dir.resolve("two");
        for (Path out : List.of(oneThread, twoThreads)) {
            Cli.Outcome o = Cli.execute("run", scenario.toString(), "--replications", "3", "--seed", "5", "--event-log", "2",
                    "--threads", out == oneThread ? "1" : "2", "--quiet", "--out", out.toString());
            assertEquals(0, o.exit(), o.err());
        }
    }

    record Event(String caseId, String activity, LocalDateTime time, String resource, String replication) {
    }

    static List<Event> read(Path gz) throws IOException {
        List<Event> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)),
                StandardCharsets.UTF_8))) {
            List<String> header = List.of(r.readLine().split(","));
            assertTrue(header.size() >= 3, header.toString());
            int c = header.indexOf("case:concept:name");
            int a = header.indexOf("concept:name");
            int t = header.indexOf("time:timestamp");
            int res = header.indexOf("org:resource");
            int rep = header.indexOf("replication");
            assertTrue(c >= 0 && a >= 0 && t >= 0 && res >= 0 && rep >= 0, "process-mining columns: " + header);
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",", -1);
                assertEquals(header.size(), f.length, line);
                out.add(new Event(f[c], f[a], LocalDateTime.parse(f[t]), f[res], f[rep]));
            }
        }
        return out;
    }

    @Test
    void sameBytesWhateverTheThreadCount() throws IOException {
        SameFiles.assertSame(oneThread, twoThreads);
        assertEquals(List.of("dated-replication-1.csv.gz", "dated-replication-2.csv.gz"),
                SameFiles.listing(oneThread.resolve("events")));
        assertFalse(Files.exists(Study.workFolderFor(oneThread)), "the working folder is removed once the results are written");
    }

    @Test
    void everyCaseStartsWithAReferralOrTheInitialCaseloadAndRunsForwardInTime() throws IOException {
        Set<String> labels = new java.util.HashSet<>();
        for (Activity a : Activity.values()) labels.add(a.label());
        for (int replication = 1; replication <= 2; replication++) {
            List<Event> events = read(oneThread.resolve("events/dated-replication-" + replication + ".csv.gz"));
            assertTrue(events.size() > 10_000, "too few events: " + events.size());
            Map<String, Event> last = new HashMap<>();
            LocalDateTime warmupStart = START.minusDays(0).atStartOfDay().minusSeconds(Math.round(WARMUP_MONTHS * 365.25 / 12 * 86400));
            for (Event e : events) {
                assertTrue(labels.contains(e.activity()), e.toString());
                assertEquals(String.valueOf(replication), e.replication());
                assertTrue(e.caseId().startsWith(replication + "-"), e.toString());
                Event before = last.put(e.caseId(), e);
                if (before == null) {
                    assertTrue(Set.of("referral", "initial caseload", "out of treatment at start", "in assessment at start").contains(e.activity()),
                            "a case begins with " + e);
                } else {
                    assertFalse(e.time().isBefore(before.time()), before + " then " + e);
                    assertFalse(Set.of("died", "moved out of area").contains(before.activity()), "an event after the end: " + e);
                }
                if (e.activity().startsWith("assessment")) assertEquals("assessment", e.resource());
                if (e.activity().equals("in assessment at start")) assertEquals(warmupStart, e.time(), e.toString());
            }
            assertEquals(warmupStart, events.get(0).time(), "the initial caseload is there at the start of the warm-up");
        }
    }

    @Test
    void countsAgreeWithTheRunsMetrics() throws IOException {
        List<Event> events = read(oneThread.resolve("events/dated-replication-1.csv.gz"));
        LocalDateTime from = START.atStartOfDay();
        LocalDateTime to = from.plusSeconds(Math.round(HORIZON_MONTHS * 365.25 / 12 * 86400));
        int referrals = 0;
        int rereferrals = 0;
        int deaths = 0;
        for (Event e : events) {
            if (e.time().isBefore(from) || !e.time().isBefore(to)) continue;
            if (e.activity().equals("referral") || e.activity().equals("re-presentation")) referrals++;
            if (e.activity().equals("re-referral after dropping away")) rereferrals++;
            if (e.activity().equals("died")) deaths++;
        }
        Map<String, Double> metrics = new HashMap<>();
        for (String line : Files.readAllLines(oneThread.resolve("replications.csv"))) {
            String[] f = line.split(",", -1); // an undefined metric is an empty last field
            if (f[1].equals("1") && !f[3].isEmpty()) metrics.put(f[2], Double.parseDouble(f[3]));
        }
        assertTrue(referrals > 1000, "referrals in the window: " + referrals);
        assertTrue(rereferrals > 0, "Leeds re-refers some of those who dropped away; none logged in the window");
        // Referrals and re-presentations are referrals_per_month; re-referrals after dropping away are logged apart;
        // replications.csv keeps 6 decimals, so a rate times the months is a whole count to within ~1e-4.
        assertEquals(metrics.get(Metrics.REFERRALS_PER_MONTH) * HORIZON_MONTHS, referrals, 1e-3);
        assertEquals(metrics.get(Metrics.REREFERRALS_PER_MONTH) * HORIZON_MONTHS, rereferrals, 1e-3);
        assertEquals(metrics.get(Metrics.DEATHS_PER_YEAR) * HORIZON_MONTHS / 12.0, deaths, 1e-3);
    }

    @Test
    void theApiWritesTheSameLogsAndAResumedBatchKeepsThem(@TempDir Path work) throws IOException {
        Study study = Study.run(scenario).replications(3).seed(5).threads(2).eventLog(2).recordIn(work);
        Results first = study.execute();
        List<Path> logs = first.eventLogs();
        assertEquals(2, logs.size());
        for (Path p : logs) {
            assertEquals(-1, Files.mismatch(oneThread.resolve("events").resolve(p.getFileName()), p), p + " differs from the CLI's");
        }
        Study again = Study.run(scenario).replications(3).seed(5).threads(2).eventLog(2).recordIn(work);
        Results second = again.execute();
        assertEquals(3, again.reusedReplications(), "every replication read back from the journal");
        Path out = work.resolveSibling(work.getFileName() + "-out");
        second.write(out);
        SameFiles.assertSame(oneThread, out);
    }

    @Test
    void aBadStartDateIsAMistakeInTheFile() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "extends: " + Path.of("scenarios/leeds.yaml").toAbsolutePath() + "\nname: bad\nstart_date: 2025-13-01\n");
        Cli.Outcome o = Cli.execute("validate", bad.toString());
        assertEquals(2, o.exit(), o.out() + o.err());
        assertTrue(o.err().contains("bad.yaml:3") && o.err().contains("start_date"), o.err());
        Cli.Outcome shard = Cli.execute("run", scenario.toString(), "--event-log", "1", "--shard", "1/2", "--out",
                dir.resolve("s").toString());
        assertEquals(2, shard.exit(), shard.err());
        assertTrue(shard.err().contains("--event-log"), shard.err());
    }
}
