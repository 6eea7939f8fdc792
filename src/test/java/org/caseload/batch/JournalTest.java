package org.caseload.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseload.results.ReplicationResult;
import org.caseload.fault.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    /** The batch the journals of these tests belong to. */
    static final BatchSpec BATCH = new BatchSpec("run", "1.0", List.of("scenarios/short.yaml"), List.of(),
            List.of(new BatchSpec.ScenarioId("short", "ab".repeat(32))), 3, 12, Double.NaN, false, Slice.WHOLE);
    static ReplicationResult result(int rep, double x) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("a_metric", x);
        m.put("tiny", Math.ulp(x) * 3);
        m.put("undefined", Double.NaN);
        m.put("big", 1.0 / 3 * 1e300);
        Map<String, double[]> monthly = new LinkedHashMap<>();
        monthly.put("series", new double[]{x, -0.1, 1e-320});
        monthly.put("empty", new double[0]);
        return new ReplicationResult(rep, m, monthly);
    }

    @Test
    void valuesReadBackBitForBit(@TempDir Path dir) {
        Path f = dir.resolve("j.tsv");
        ReplicationResult r = result(7, Math.PI * 1234.5678);
        try (Journal j = Journal.open(f, BATCH)) {
            j.append(1, r);
        }
        try (Journal j = Journal.open(f, BATCH)) {
            ReplicationResult back = j.get(1, 7);
            assertEquals(r.metrics().keySet().stream().toList(), back.metrics().keySet().stream().toList());
            r.metrics().forEach((k, v) -> assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(back.metric(k)), k));
            r.monthly().forEach((k, v) -> assertArrayEquals(v, back.monthly().get(k), k));
            assertNull(j.get(0, 7));
            assertEquals(1, j.size());
        }
    }

    @Test
    void tornLastLineIsCutAndNewRecordsStillAppendCleanly(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("j.tsv");
        try (Journal j = Journal.open(f, BATCH)) {
            j.append(0, result(0, 1));
            j.append(0, result(1, 2));
        }
        String whole = Journal.encode(0, result(2, 3));
        // The process died half-way through writing replication 2.
        Files.writeString(f, whole.substring(0, whole.length() / 2), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (Journal j = Journal.open(f, BATCH)) {
            assertEquals(2, j.size());
            assertNull(j.get(0, 2));
            j.append(0, result(2, 3));
        }
        try (Journal j = Journal.open(f, BATCH)) {
            assertEquals(3, j.size());
            assertEquals(0, j.damaged());
            assertEquals(3.0, j.get(0, 2).metric("a_metric"));
        }
    }

    @Test
    void aLineWithABadChecksumIsIgnoredSoItsReplicationRunsAgain(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("j.tsv");
        try (Journal j = Journal.open(f, BATCH)) {
            j.append(0, result(0, 1));
            j.append(0, result(1, 2));
        }
        String text = Files.readString(f);
        int second = text.indexOf('\n') + 1;
        // Flip one digit of the second record's value: the CRC no longer matches.
        String damaged = text.substring(0, second) + text.substring(second).replaceFirst("a_metric=2\\.0", "a_metric=2.5");
        Files.writeString(f, damaged);
        try (Journal j = Journal.open(f, BATCH)) {
            assertEquals(1, j.size());
            assertEquals(1, j.damaged());
            assertNull(j.get(0, 1));
        }
    }

    @Test
    void aJournalIsTiedToItsBatchByItsFirstLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("j.tsv");
        try (Journal j = Journal.open(f, BATCH)) {
            j.append(0, result(0, 1));
        }
        List<String> lines = Files.readAllLines(f);
        assertEquals(List.of(Journal.HEADER + BATCH.id()), lines.subList(0, 1));
        assertEquals(2, lines.size());
        try (Journal j = Journal.open(f, BATCH)) {
            assertEquals(1, j.size(), "the journal of this batch resumes");
            assertEquals(0, j.damaged(), "its first line is not a damaged record");
            assertEquals(1.0, j.get(0, 0).metric("a_metric"));
        }
        int[] seen = {0};
        assertEquals(0, Journal.forEach(f, BATCH, e -> seen[0]++));
        assertEquals(1, seen[0]);
    }

    @Test
    void aJournalOfAnotherBatchIsRefusedNamingIt(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("j.tsv");
        try (Journal j = Journal.open(f, BATCH)) {
            j.append(0, result(0, 1));
        }
        byte[] before = Files.readAllBytes(f);
        // The same batch at another seed, another slice, another build: each a different batch.
        BatchSpec otherSeed = new BatchSpec("run", "1.0", BATCH.files(), List.of(), BATCH.scenarios(), 4, 12, Double.NaN, false,
                Slice.WHOLE);
        BatchSpec otherBuild = new BatchSpec("run", "1.0", "f".repeat(64), BATCH.files(), List.of(), BATCH.scenarios(), 3, 12,
                Double.NaN, false, Slice.WHOLE, 0, List.of(), 0);
        for (BatchSpec other : List.of(otherSeed, BATCH.withSlice(new Slice(1, 2)), otherBuild)) {
            String m = assertThrows(InputException.class, () -> Journal.open(f, other)).getMessage();
            assertEquals(f + ": the journal of another batch (its first line names a batch other than this one: copied from "
                    + "another run?); remove it to run the batch from the start", m);
            String shard = assertThrows(InputException.class, () -> Journal.forEach(f, other, e -> { })).getMessage();
            assertTrue(shard.startsWith(f + ": the journal of another batch (") && shard.endsWith("; run shard " + other.slice()
                    + " again"), shard);
        }
        assertArrayEquals(before, Files.readAllBytes(f), "a refused journal is left as it was");
    }

    @Test
    void aJournalWithoutItsFirstLineIsRefusedAndAnEmptyOneStartsAfresh(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("j.tsv");
        // As caseload wrote journals before they named their batch: records only.
        Files.writeString(f, Journal.encode(0, result(0, 1)) + Journal.encode(0, result(1, 2)));
        assertEquals(f + ": not a journal this caseload can read (its first line does not name its batch: written by an older "
                + "caseload, or not a journal); remove it to run the batch from the start",
                assertThrows(InputException.class, () -> Journal.open(f, BATCH)).getMessage());

        Files.writeString(f, "");
        try (Journal j = Journal.open(f, BATCH)) {
            assertEquals(0, j.size());
        }
        assertEquals(Journal.HEADER + BATCH.id() + "\n", Files.readString(f));
        // Killed while writing its first line: cut off like any torn line, and written again.
        Files.writeString(f, Journal.HEADER.substring(0, 9));
        try (Journal j = Journal.open(f, BATCH)) {
            j.append(0, result(0, 1));
        }
        try (Journal j = Journal.open(f, BATCH)) {
            assertEquals(1, j.size());
        }
    }

    @Test
    void slicesCoverEveryReplicationOnce() {
        for (int reps : new int[]{1, 2, 7, 40, 41, 1000}) {
            for (int n = 1; n <= 9; n++) {
                int next = 0;
                for (int i = 1; i <= n; i++) {
                    Slice s = new Slice(i, n);
                    assertEquals(next, s.first(reps), reps + " " + s);
                    next = s.end(reps);
                }
                assertEquals(reps, next);
            }
        }
        assertEquals(new Slice(2, 4), Slice.parse("2/4"));
        assertThrows(InputException.class, () -> Slice.parse("5/4"));
        assertThrows(InputException.class, () -> Slice.parse("0/4"));
        assertThrows(InputException.class, () -> Slice.parse("two/4"));
        assertThrows(InputException.class, () -> Slice.parse("2"));
    }
}
