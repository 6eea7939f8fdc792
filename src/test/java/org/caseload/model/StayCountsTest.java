package org.caseload.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.List;
import org.caseload.engine.RandomStreams;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * The people counted as short stayers (under six months) or long stayers (four years or more)
 * are people in treatment. Moves from intensive keywork to a rehab with no places all end in
 * the queue (given up, or died waiting): such a stay must stop counting when the move fails,
 * or the counts drift above the number in treatment.
 */
class StayCountsTest {
    @Test
    void staysStopCountingWhenAMoveBetweenTreatmentPathwaysFails() throws Exception {
        Scenario s = ScenarioReader.load(Path.of("scenarios/leeds.yaml"), List.of("pathways.rehab.capacity.places=0",
                "pathways.rehab.patience_days.mean=10")).scenario();
        TreatmentSystem system = new TreatmentSystem(s, RandomStreams.fromSeed(3), 0);
        system.run();
        Recorder recorder = (Recorder) field(TreatmentSystem.class, "recorder").get(system);
        Level[] inTreatment = (Level[]) field(Recorder.class, "inTreatmentByGroup").get(recorder);
        Level[] shortStayers = (Level[]) field(Recorder.class, "shortStayersByGroup").get(recorder);
        Level[] longStayers = (Level[]) field(Recorder.class, "longStayersByGroup").get(recorder);
        // Besides those in treatment, a stay is kept only by someone waiting to move on to the next pathway.
        Pathways pathways = (Pathways) field(TreatmentSystem.class, "pathways").get(system);
        int[] moving = new int[inTreatment.length];
        java.util.Set<Client> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (PathwayState p : pathways.all()) {
            for (Client c : p.queue.entries()) {
                if (c.queuedFor == p.index && !Double.isNaN(c.treatmentStreakStart) && seen.add(c)) moving[c.groupIndex()]++;
            }
        }
        for (int g = 0; g < inTreatment.length; g++) {
            double in = inTreatment[g].value();
            assertTrue(shortStayers[g].value() + longStayers[g].value() <= in + moving[g],
                    "group " + g + ": " + shortStayers[g].value() + " short and " + longStayers[g].value()
                            + " long stayers, but " + in + " in treatment and " + moving[g] + " waiting to move on");
        }
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
