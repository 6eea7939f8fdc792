package org.caseload.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * People seen in treatment a year, counted without a list of who is in treatment: each person
 * once a year, whether in treatment when the year starts or entering during it, with the
 * instants of a year's start decided as the start event orders them.
 */
class SeenPerYearTest {
    private static final Scenario TWO_YEARS = ScenarioReader.load(Path.of("scenarios/leeds.yaml"),
            List.of("horizon_months=24", "warmup_months=12")).scenario();

    /** A SeenPerYear over in-treatment levels that {@link #enter} and {@link #leave} keep, as the recorder does. */
    private static final class Years {
        final Level[] inTreatment = new Level[Group.values().length];
        final SeenPerYear seen;

        Years(Scenario s) {
            double start = s.warmupDays();
            Window w = new Window(start, start + s.horizonDays(), Scenario.DAYS_PER_MONTH, s.horizonMonths());
            for (int g = 0; g < inTreatment.length; g++) inTreatment[g] = new Level(w);
            seen = new SeenPerYear(new ReportingYears(s, w), inTreatment);
        }

        void enter(Client c, double t) {
            inTreatment[c.groupIndex()].add(t, 1);
            seen.entered(c, t);
        }

        void leave(Client c, double t) {
            inTreatment[c.groupIndex()].add(t, -1);
            seen.left(c, t);
        }
    }

    private static Client client(Group g) {
        return new Client(null, RandomStreams.fromSeed(1).sequence(0, 0).next(), g, Complexity.values()[0], Readiness.LIKELY, 0);
    }

    @Test
    void eachPersonOnceAYearWhetherInTreatmentAtTheStartOrEnteringDuringIt() {
        Years years = new Years(TWO_YEARS);
        SeenPerYear seen = years.seen;
        double y0 = TWO_YEARS.warmupDays();
        double y1 = y0 + Scenario.DAYS_PER_YEAR;
        Client stayer = client(Group.OPIATE);      // in treatment from the warm-up to the end
        Client leaver = client(Group.OPIATE);      // in at the first start, leaves, comes back in the same year
        Client atStart = client(Group.ALCOHOL);    // enters at the very instant year 1 starts (after its event)
        Client endsAtStart = client(Group.ALCOHOL); // leaves at the very instant year 1 starts (after its event)
        Client newcomer = client(Group.NON_OPIATE); // first enters in year 1, moves between two treatment pathways
        years.enter(stayer, 10);
        years.enter(leaver, 20);
        years.enter(endsAtStart, 30);
        seen.started(0);
        assertEquals(3, seen.seen()[0]);
        years.leave(leaver, y0 + 50);
        years.enter(leaver, y0 + 80);
        assertEquals(3, seen.seen()[0], "back within the year: already seen in it");
        seen.started(1);
        years.enter(atStart, y1);
        years.leave(endsAtStart, y1);
        years.enter(newcomer, y1 + 5);
        years.leave(newcomer, y1 + 40);
        years.enter(newcomer, y1 + 40);
        years.leave(leaver, y1 + 60);
        years.enter(leaver, y1 + 90);
        years.enter(endsAtStart, y1 + 100);
        assertEquals(5, seen.seen()[1], "stayer, leaver and endsAtStart at the start; atStart and newcomer on entry");
        assertEquals(2, seen.seen(1, Group.OPIATE.ordinal()));
        assertEquals(2, seen.seen(1, Group.ALCOHOL.ordinal()));
        assertEquals(1, seen.seen(1, Group.NON_OPIATE.ordinal()));
    }

    @Test
    void anInitialCaseloadEnteringAtTheFirstStartIsCountedOnce() {
        Scenario noWarmup = ScenarioReader.load(Path.of("scenarios/leeds.yaml"),
                List.of("horizon_months=12", "warmup_months=0")).scenario();
        Years years = new Years(noWarmup);
        SeenPerYear seen = years.seen;
        for (int i = 0; i < 7; i++) years.enter(client(Group.ALCOHOL), 0); // seeded before any event
        seen.started(0);
        years.enter(client(Group.ALCOHOL), 0); // a client event at time 0, after the start
        assertEquals(8, seen.seen()[0]);
    }
}
