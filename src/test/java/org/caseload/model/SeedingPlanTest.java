package org.caseload.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * A scenario's replications share one seeding plan, matched by the scenario's identity: an
 * equal scenario read again gets its own, and only the most recent scenarios are kept. (That
 * sharing leaves outputs unchanged is the golden-output and reproducibility tests' part.)
 */
class SeedingPlanTest {
    private static final Path QUEUE = Path.of("src/test/resources/validation/queue.yaml");

    @Test
    void oneScenarioOnePlan() {
        Scenario a = load();
        AtomicInteger made = new AtomicInteger();
        SeedingPlan first = SeedingPlan.of(a, counting(a, made));
        assertSame(first, SeedingPlan.of(a, counting(a, made)), "the same scenario, the same plan");
        assertEquals(1, made.get(), "worked out once");
        Scenario b = load(); // equal, but another object: another analysis may have built it differently
        assertNotSame(first, SeedingPlan.of(b, counting(b, made)));
        assertEquals(2, made.get());
    }

    @Test
    void onlyRecentScenariosAreKept() {
        Scenario a = load();
        AtomicInteger made = new AtomicInteger();
        SeedingPlan.of(a, counting(a, made));
        List<Scenario> newer = new java.util.ArrayList<>(); // held, so that none is collected and dropped early
        for (int i = 0; i < SeedingPlan.KEPT; i++) {
            Scenario other = load();
            newer.add(other);
            SeedingPlan.of(other, counting(other, made));
        }
        SeedingPlan.of(a, counting(a, made));
        assertEquals(SeedingPlan.KEPT + 2, made.get(), "the first scenario was pushed out by " + newer.size()
                + " newer ones and worked out again");
    }

    private static Scenario load() {
        return ScenarioReader.load(QUEUE, List.of()).scenario();
    }

    private static Supplier<SeedingPlan> counting(Scenario s, AtomicInteger made) {
        ModelParts parts = ModelParts.of(s);
        return () -> {
            made.incrementAndGet();
            return parts.plan();
        };
    }
}
