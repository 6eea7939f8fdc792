package org.caseload.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseload.engine.RandomStreams;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queues are first come, first served, also for someone who gave up waiting and was referred
 * again: they wait from their new referral, not from the place they left. Under the 50% cut
 * (long queues, many re-referrals) assessments start in the order of the referrals they
 * follow, and each pathway's episodes in the order their people joined its queue. The second
 * case gives intensive keywork a queue that people give up on and come back to quickly, so
 * that they join it again while their old entry is still in it.
 */
class QueueOrderTest {
    private static final List<String> SHORT = List.of("horizon_months=24", "warmup_months=12");

    @Test
    void assessmentsUnderTheHalvedBudget() {
        check(ScenarioReader.load(Path.of("scenarios/leeds-cut-50.yaml"), SHORT).scenario());
    }

    @Test
    void aPathwayQueuePeopleLeaveAndRejoin(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("churn.yaml");
        Files.writeString(file, "name: churn\nextends: " + Path.of("scenarios/leeds-cut-25.yaml").toAbsolutePath() + "\n"
                + "pathways:\n  intensive_keywork:\n    when_full: queue\n    patience_days: {dist: exponential, mean: 20}\n"
                + "after_exit:\n  rereferral_after_dropping_away:\n    delay_days: {dist: exponential, mean: 3}\n");
        check(ScenarioReader.load(file, SHORT).scenario());
    }

    private static void check(Scenario s) {
        Map<Integer, Double> referred = new HashMap<>();
        Map<Integer, Double> joined = new HashMap<>();
        Map<String, Double> lastJoinedServed = new HashMap<>();
        int[] counts = new int[4]; // out-of-order assessments, assessments after a wait, re-referrals, out-of-order episodes
        double[] lastReferralServed = {Double.NEGATIVE_INFINITY};
        Trace trace = (n, day, activity, pathway, group, complexity, resource) -> {
            switch (activity) {
                case REFERRAL, RE_PRESENTATION, RE_REFERRAL -> {
                    referred.put(n, day);
                    if (activity == Activity.RE_REFERRAL) counts[2]++;
                }
                case ASSESSMENT_START -> {
                    double r = referred.get(n);
                    if (r < lastReferralServed[0]) counts[0]++;
                    if (day > r) counts[1]++;
                    lastReferralServed[0] = Math.max(lastReferralServed[0], r);
                }
                case ASSESSMENT_END, EPISODE_COMPLETED, TRANSFERRED -> joined.put(n, day);
                case EPISODE_START -> {
                    double j = joined.get(n);
                    double last = lastJoinedServed.getOrDefault(pathway, Double.NEGATIVE_INFINITY);
                    if (j < last) counts[3]++;
                    lastJoinedServed.put(pathway, Math.max(last, j));
                }
                default -> { }
            }
        };
        new TreatmentSystem(s, RandomStreams.fromSeed(1), 0).trace(trace).run();
        assertTrue(counts[1] > 500, "assessments after a wait: " + counts[1]);
        assertTrue(counts[2] > 100, "re-referrals after giving up: " + counts[2]);
        assertEquals(0, counts[0], "assessments started ahead of someone referred earlier");
        assertEquals(0, counts[3], "episodes started ahead of someone who joined the queue earlier");
    }
}
