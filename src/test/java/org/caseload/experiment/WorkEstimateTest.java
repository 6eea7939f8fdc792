package org.caseload.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.caseload.engine.RandomStreams;
import org.caseload.fault.InputException;
import org.caseload.model.TreatmentSystem;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

class WorkEstimateTest {
    private static Scenario leeds(String... sets) {
        return ScenarioReader.load(Path.of("scenarios/leeds.yaml"), List.of(sets)).scenario();
    }

    @Test
    void referralsFollowTheRateWithStepsAndSeasonality() {
        // 12 months of 183 a month times the seasonality of each month, the first month set to 2.
        Scenario s = leeds("horizon_months=12", "warmup_months=0", "arrivals.seasonality_multipliers.0=2");
        WorkEstimate e = WorkEstimate.of(s);
        double expected = 183 * (2 + 1.05 + 1.02 + 1.0 + 1.0 + 0.97 + 0.95 + 0.93 + 1.0 + 1.02 + 1.02 + 0.99);
        assertEquals(expected, e.referrals(), 1e-6);
        assertEquals(1350 + 1990 + 30 + 400, e.initialCaseload(), "leeds.yaml's initial_caseload");
    }

    @Test
    void theEstimateErrsHighButNotWildlyOnLeeds() {
        Scenario s = leeds("horizon_months=24", "warmup_months=12");
        WorkEstimate e = WorkEstimate.of(s);
        RandomStreams streams = RandomStreams.fromSeed(7);
        for (int r = 0; r < 3; r++) {
            TreatmentSystem sys = new TreatmentSystem(s, streams, r);
            sys.run();
            double ratio = e.events() / sys.eventsExecuted();
            assertTrue(ratio >= 1 && ratio <= 5, "estimate " + e.events() + " vs " + sys.eventsExecuted() + " events");
        }
    }

    @Test
    void limitsRefuseTooMuchWorkAndTooManyHeldResults() {
        Scenario s = leeds("horizon_months=12", "warmup_months=0");
        InputException events = assertThrows(InputException.class, () -> WorkLimits.checkEvents(s, 1000));
        assertTrue(events.getMessage().contains("more than the limit of 1,000"), events.getMessage());
        WorkLimits.checkHeld(List.of(s), 100, 64_000_000L);
        WorkLimits.checkHeld(List.of(leeds()), 10_000, 256L << 20); // issue 9: 10,000 Leeds replications in a 256 MB heap
        InputException held = assertThrows(InputException.class, () -> WorkLimits.checkHeld(List.of(s), 1_000_000, 64_000_000L));
        assertTrue(held.getMessage().contains("-Xmx"), held.getMessage());
        // A streamed batch keeps an index entry per replication, not its results: a million fit in 256 MB.
        WorkLimits.checkTracked(2, 1_000_000, 256L << 20);
        InputException tracked = assertThrows(InputException.class, () -> WorkLimits.checkTracked(1, 2_000_000_000L, 256L << 20));
        assertTrue(tracked.getMessage().contains("keeping track of 2,000,000,000 replications"), tracked.getMessage());
        long budget = WorkLimits.eventBudget(WorkEstimate.of(s), WorkLimits.DEFAULT_MAX_EVENTS);
        assertEquals(WorkLimits.MIN_BUDGET, budget, "a small scenario gets the minimum budget");
        assertEquals(5000, WorkLimits.eventBudget(WorkEstimate.of(s), 5000), "never more than --max-events");
    }
}
