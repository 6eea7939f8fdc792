package org.caseload.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.caseload.stats.ConfidenceInterval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch is summarised as its replications finish, through the real thread pool: what it held
 * back waiting for an earlier replication stays within its window, and the values read back
 * from disk are those the summaries were made from, whatever the threads.
 */
class StreamedResultsTest {
    private static final int REPLICATIONS = 24;

    private static Study study(int threads) {
        return Study.compare(Path.of("scenarios/leeds.yaml"), Path.of("scenarios/leeds-cut-10.yaml"))
                .set("horizon_months", 18).set("warmup_months", 0).replications(REPLICATIONS).seed(5).threads(threads);
    }

    @Test
    void heldBackIsBoundedAndValuesReadBackMatchTheSummaries(@TempDir Path dir) {
        Study two = study(2).recordIn(dir.resolve("work"));
        Results parallel = two.execute();
        int window = 4 * 2 + 2;
        assertTrue(two.mostHeldBack() < window, "held back " + two.mostHeldBack() + " with a window of " + window);
        Results serial = study(1).execute();
        for (String scenario : new String[] {"leeds", "leeds-cut-10"}) {
            ScenarioResults p = parallel.scenario(scenario);
            ScenarioResults s = serial.scenario(scenario);
            assertEquals(REPLICATIONS, p.replications());
            for (String metric : p.metrics()) {
                double[] values = p.values(metric);
                assertEquals(REPLICATIONS, values.length);
                assertArrayEquals(s.values(metric), values, metric);
                ConfidenceInterval ci = ConfidenceInterval.student(values, 0.95);
                Estimate e = p.estimate(metric);
                assertEquals(Double.doubleToLongBits(ci.mean()), Double.doubleToLongBits(e.mean()), metric);
                assertEquals(Double.doubleToLongBits(ci.high()), Double.doubleToLongBits(e.high()), metric);
            }
            assertArrayEquals(s.monthly("in_treatment", REPLICATIONS - 1), p.monthly("in_treatment", REPLICATIONS - 1));
        }
        assertEquals(serial.differences(), parallel.differences());
    }
}
