package org.caseload.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseload.engine.RandomStreams;
import org.caseload.scenario.Complexity;
import org.caseload.scenario.Group;
import org.caseload.scenario.Readiness;
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

    /**
     * The exit of a mover who gives up follows how they left the pathway before: after
     * completing it, a successful exit (none of the shipped scenarios completes into another
     * treatment pathway, so this is set up by hand); after a transfer, a drop-out; dying in
     * the queue is never a successful exit.
     */
    @Test
    void aMoverWhoHadCompletedLeavesAsACompleter() throws Exception {
        Scenario s = ScenarioReader.load(Path.of("scenarios/leeds.yaml"), List.of("warmup_months=0")).scenario();
        TreatmentSystem system = new TreatmentSystem(s, RandomStreams.fromSeed(1), 0);
        Pathways pathways = (Pathways) field(TreatmentSystem.class, "pathways").get(system);
        Recorder recorder = (Recorder) field(TreatmentSystem.class, "recorder").get(system);
        ClientPool pool = (ClientPool) field(TreatmentSystem.class, "clients").get(system);
        Counter[] successful = (Counter[]) field(Recorder.class, "successfulExitsByGroup").get(recorder);
        PathwayState from = pathways.byName().get("intensive_keywork");
        PathwayState rehab = pathways.byName().get("rehab");
        Exit[] exits = new Exit[3];
        double[] successes = new double[3];
        for (int k = 0; k < 3; k++) {
            Client c = pool.take(RandomStreams.fromSeed(2).sequence(1, 0).next(), Group.OPIATE, Complexity.values()[0], Readiness.LIKELY, 0);
            c.treatmentStreakStart = 0;
            c.movedFrom = from.index;
            c.movedOnCompletion = k != 1;
            c.enter(Stage.WAITING_FOR_PLACE);
            rehab.queue.join(c);
            rehab.queued++;
            c.queuedFor = rehab.index;
            double before = successful[Group.OPIATE.ordinal()].total();
            if (k == 2) pathways.leaveQueue(c, true);
            else pathways.droppedAway(c);
            exits[k] = c.lastExit();
            successes[k] = successful[Group.OPIATE.ordinal()].total() - before;
            assertTrue(Double.isNaN(c.treatmentStreakStart), "the stay ends");
        }
        assertEquals(Exit.COMPLETED_TREATMENT, exits[0], "completed, then gave up waiting");
        assertEquals(1, successes[0], "a successful exit");
        assertEquals(Exit.DROPPED_OUT, exits[1], "transferred, then gave up waiting");
        assertEquals(0, successes[1]);
        assertEquals(0, successes[2], "died waiting after completing: not a successful exit");
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
