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
        Client c = new Client(engine, RandomStreams.fromSeed(1).sequence(0, 0).next(), Group.OPIATE, Complexity.values()[0],
                Readiness.LIKELY, 0);
        List<ClientEvent> fired = new ArrayList<>();
        engine.dispatchTo((target, kind) -> fired.add(ClientEvent.ALL[kind]));
        c.enter(Stage.WAITING_FOR_PLACE);
        engine.after(5, c, ClientEvent.DIED_WHILE_WAITING.ordinal());
        engine.after(3, c, ClientEvent.DROPPED_AWAY_FROM_PLACE.ordinal());
        engine.after(1, () -> {
            c.enter(Stage.IN_PATHWAY);
            engine.after(4, c, ClientEvent.EPISODE_END.ordinal());
        });
        engine.runUntil(10);
        assertEquals(List.of(ClientEvent.EPISODE_END), fired);
        assertEquals(Stage.IN_PATHWAY, c.stage());
        assertEquals(2, engine.eventsCancelled(), "the two events of the waiting stage");
        assertEquals(0, c.pendingEvents());
    }

    private static Client client(long stream) {
        return new Client(null, RandomStreams.fromSeed(1).sequence(stream, 0).next(), Group.ALCOHOL, Complexity.values()[0],
                Readiness.LIKELY, 0);
    }

    /**
     * A referral waits over the standard, counted at its deadline, when its journey neither
     * started treatment nor ended within 21 days; a later journey of the same person is its own.
     */
    @Test
    void theWaitingStandardCountsJourneysStillOpenAtTheirDeadline() {
        List<Double> over = new ArrayList<>();
        WaitingStandard standard = new WaitingStandard(over::add, new ClientPool(null));
        Client treatedSoon = client(0);
        Client stillWaiting = client(1);
        Client treatedLate = client(2);
        Client leftAndCameBack = client(3);
        standard.referred(treatedSoon, 0);
        standard.referred(stillWaiting, 1);
        standard.referred(treatedLate, 2);
        standard.referred(leftAndCameBack, 3);
        treatedSoon.startTreatment(2);
        leftAndCameBack.endJourney(5);
        standard.referred(leftAndCameBack, 10); // a new journey, deadline day 31
        treatedLate.startTreatment(30);
        treatedLate.endJourney(31); // only the first close counts
        standard.settle(22.5);
        assertEquals(List.of(22.0), over, "day 22 is stillWaiting's deadline; treatedLate's (23) has not come");
        standard.finish();
        assertEquals(List.of(22.0, 23.0, 31.0), over);
    }
}
