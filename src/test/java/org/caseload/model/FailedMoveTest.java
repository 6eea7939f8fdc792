package org.caseload.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseload.engine.RandomStreams;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * Someone transferred from intensive keywork to rehab who gives up waiting for a rehab place
 * leaves treatment as a drop-out (relapse, then perhaps re-presentation), not as someone who
 * never started: when they come back it is a re-presentation, not a re-referral after
 * dropping away. Someone who gave up before ever starting comes back as a re-referral.
 */
class FailedMoveTest {
    @Test
    void aMoverWhoGivesUpLeavesAsADropOut() {
        Scenario s = ScenarioReader.load(Path.of("scenarios/leeds-cut-25.yaml"),
                List.of("horizon_months=36", "warmup_months=12", "pathways.rehab.patience_days.mean=10")).scenario();
        Map<Integer, String> state = new HashMap<>();
        Map<String, Integer> returns = new HashMap<>();
        Trace trace = (n, day, activity, pathway, group, complexity, resource) -> {
            String was = state.getOrDefault(n, "");
            switch (activity) {
                case REFERRAL, RE_PRESENTATION, RE_REFERRAL -> {
                    if (was.equals("mover gave up") || was.equals("never started gave up")) returns.merge(was + " -> " + activity, 1, Integer::sum);
                    state.put(n, "referred");
                }
                case TRANSFERRED -> state.put(n, "moving");
                case EPISODE_START, INITIAL_CASELOAD -> state.put(n, "in treatment");
                case DROPPED_AWAY -> state.put(n, was.equals("moving") ? "mover gave up" : was.equals("referred") ? "never started gave up" : "other");
                default -> { }
            }
        };
        new TreatmentSystem(s, RandomStreams.fromSeed(3), 0).trace(trace).run();
        int moverBack = returns.getOrDefault("mover gave up -> RE_PRESENTATION", 0);
        assertTrue(moverBack >= 10, "movers who gave up and came back: " + returns);
        assertEquals(0, returns.getOrDefault("mover gave up -> RE_REFERRAL", 0), "a mover who gave up came back as a re-referral: " + returns);
        assertTrue(returns.getOrDefault("never started gave up -> RE_REFERRAL", 0) >= 100, returns.toString());
        assertEquals(0, returns.getOrDefault("never started gave up -> RE_PRESENTATION", 0), returns.toString());
    }
}
