package org.caseload.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.caseload.engine.Engine;
import org.caseload.engine.RandomStreams;
import org.caseload.scenario.Complexity;
import org.caseload.scenario.Group;
import org.caseload.scenario.Readiness;
import org.junit.jupiter.api.Test;

/** The events of a stage are cancelled when the client leaves it, and only those. */
class ClientStageTest {
    @Test
    void leavingAStageCancelsItsEventsAndKeepsTheNextStagesOwn() {
        Engine engine = new Engine();
        Client c = new Client(RandomStreams.fromSeed(1).stream(0, 0), Group.OPIATE, Complexity.values()[0],
                Readiness.LIKELY, 0);
        List<String> fired = new ArrayList<>();
        c.enter(Stage.WAITING_FOR_PLACE);
        c.own(engine.after(5, () -> fired.add("death while waiting")));
        c.own(engine.after(3, () -> fired.add("patience")));
        engine.after(1, () -> {
            c.enter(Stage.IN_PATHWAY);
            c.own(engine.after(4, () -> fired.add("episode end")));
        });
        engine.runUntil(10);
        assertEquals(List.of("episode end"), fired);
        assertEquals(Stage.IN_PATHWAY, c.stage());
    }

    @Test
    void theWaitingStandardCheckEndsWithTreatmentOrTheJourney() {
        Engine engine = new Engine();
        List<String> fired = new ArrayList<>();
        Client started = new Client(RandomStreams.fromSeed(1).stream(0, 0), Group.ALCOHOL, Complexity.values()[0],
                Readiness.LIKELY, 0);
        Client waiting = new Client(RandomStreams.fromSeed(1).stream(1, 0), Group.ALCOHOL, Complexity.values()[0],
                Readiness.LIKELY, 0);
        started.beginJourney(0, engine.after(21, () -> fired.add("started")));
        waiting.beginJourney(0, engine.after(21, () -> fired.add("still waiting")));
        engine.after(2, started::startTreatment);
        engine.runUntil(30);
        assertEquals(List.of("still waiting"), fired);
    }
}
