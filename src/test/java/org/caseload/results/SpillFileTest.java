package org.caseload.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replications kept on disk read back exactly; one of another shape is refused and leaves nothing behind. */
class SpillFileTest {
    private static ReplicationResult rep(int r, int months) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("a", r + 0.1);
        m.put("b", Math.PI * r);
        double[] series = new double[months];
        for (int i = 0; i < months; i++) series[i] = r * 100.0 + i / 3.0;
        return new ReplicationResult(r, m, Map.of("x", series));
    }

    @Test
    void aRefusedReplicationLeavesTheFileReadable(@TempDir Path dir) {
        ReplicationStore store = ReplicationStore.spill(dir);
        store.add(rep(0, 3));
        assertThrows(IllegalArgumentException.class, () -> store.add(rep(1, 2)), "a monthly series of another length");
        store.add(rep(1, 3));
        assertEquals(2, store.size());
        try (ReplicationStore.Reader reader = store.reader()) {
            for (int r = 0; r < 2; r++) {
                ReplicationResult expected = rep(r, 3);
                ReplicationResult read = reader.next();
                assertEquals(r, read.replication());
                assertEquals(expected.metrics(), read.metrics());
                assertArrayEquals(expected.monthly().get("x"), read.monthly().get("x"));
            }
            assertFalse(reader.hasNext());
        }
    }
}
