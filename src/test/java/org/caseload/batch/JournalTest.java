package org.caseload.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.caseload.results.ReplicationResult;
import org.caseload.fault.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
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
        try (Journal j = Journal.open(f)) {
            j.append(1, r);
        }
        try (Journal j = Journal.open(f)) {
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
        try (Journal j = Journal.open(f)) {
            j.append(0, result(0, 1));
            j.append(0, result(1, 2));
        }
        String whole = Journal.encode(0, result(2, 3));
        // The process died half-way through writing replication 2.
        Files.writeString(f, whole.substring(0, whole.length() / 2), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (Journal j = Journal.open(f)) {
            assertEquals(2, j.size());
            assertNull(j.get(0, 2));
            j.append(0, result(2, 3));
        }
        try (Journal j = Journal.open(f)) {
            assertEquals(3, j.size());
            assertEquals(0, j.damaged());
            assertEquals(3.0, j.get(0, 2).metric("a_metric"));
        }
    }

    @Test
    void aLineWithABadChecksumIsIgnoredSoItsReplicationRunsAgain(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("j.tsv");
        try (Journal j = Journal.open(f)) {
            j.append(0, result(0, 1));
            j.append(0, result(1, 2));
        }
        String text = Files.readString(f);
        int second = text.indexOf('\n') + 1;
        // Flip one digit of the second record's value: the CRC no longer matches.
        String damaged = text.substring(0, second) + text.substring(second).replaceFirst("a_metric=2\\.0", "a_metric=2.5");
        Files.writeString(f, damaged);
        try (Journal j = Journal.open(f)) {
            assertEquals(1, j.size());
            assertEquals(1, j.damaged());
            assertNull(j.get(0, 1));
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
