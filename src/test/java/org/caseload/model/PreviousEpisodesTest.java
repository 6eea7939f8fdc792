package org.caseload.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import org.caseload.engine.RandomStreams;
import org.caseload.scenario.Complexity;
import org.caseload.scenario.Group;
import org.caseload.scenario.Readiness;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * A return adds a previous episode (which lowers the odds of completing) only when the person
 * was treated since their last referral: giving up waiting and being referred again adds none.
 */
class PreviousEpisodesTest {
    @Test
    void onlyATreatedJourneyAddsAnEpisode() throws Exception {
        Scenario s = ScenarioReader.load(Path.of("scenarios/leeds.yaml"), List.of()).scenario();
        TreatmentSystem system = new TreatmentSystem(s, RandomStreams.fromSeed(1), 0);
        AfterExit afterExit = (AfterExit) field("afterExit").get(system);
        ClientPool pool = (ClientPool) field("clients").get(system);
        Method represent = AfterExit.class.getDeclaredMethod("represent", Client.class);
        represent.setAccessible(true);
        Client c = pool.take(RandomStreams.fromSeed(2).sequence(1, 0).next(), Group.OPIATE, Complexity.values()[0],
                Readiness.LIKELY, 2);

        c.treatedBefore = true; // treated once, long ago, and referred since
        represent.invoke(afterExit, c);
        assertEquals(2, c.previousEpisodes, "re-referred with no treatment since the last referral");

        c.treatedSinceReferral = true; // then treated in this journey
        represent.invoke(afterExit, c);
        assertEquals(3, c.previousEpisodes, "a treated journey is one more episode");
        assertFalse(c.treatedSinceReferral, "counted once");
        represent.invoke(afterExit, c);
        assertEquals(3, c.previousEpisodes, "not counted again by the next return");
    }

    private static Field field(String name) throws NoSuchFieldException {
        Field f = TreatmentSystem.class.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
