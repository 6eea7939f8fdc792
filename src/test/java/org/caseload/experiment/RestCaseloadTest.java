package org.caseload.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caseload.fault.InputException;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RestCaseload}: a scenario's own steady state, against theory and in what it leaves out. */
class RestCaseloadTest {
    private static final Path QUEUE = Path.of("src/test/resources/validation/queue.yaml");

    /**
     * queue.yaml starts empty; its one pathway is M/M/∞ fed at 300 a month (Burke: the
     * assessors pass on a Poisson stream) with 90-day mean stays, so at rest it holds
     * λE[L] = 300 × 12 / 365.25 × 90 = 887.06.
     */
    @Test
    void findsAnOpenPathwaysOccupancyAtRest() {
        Scenario s = ScenarioReader.load(QUEUE, List.of()).scenario();
        RestCaseload.Result r;
        try (Experiment e = new Experiment(1, 2)) {
            r = RestCaseload.measure(e, s, 24, 10);
        }
        assertEquals(1, r.pathways().size());
        RestCaseload.Pathway open = r.pathways().get(0);
        assertEquals("open", open.name());
        double theory = 300 * 12 / 365.25 * 90;
        assertTrue(open.people().contains(theory), "theory " + theory + " outside " + open.people());
        assertEquals(Math.round(open.people().mean()), open.whole());
        assertNull(open.given(), "queue.yaml gives no initial caseload");
        assertEquals(24, r.warmupMonths());
        assertEquals(s.horizonMonths(), r.horizonMonths());
    }

    @Test
    void measuresTheSystemAsItStandsAtTimeZero(@TempDir Path dir) throws IOException {
        Path stepped = dir.resolve("stepped.yaml");
        Files.writeString(stepped, "extends: " + Path.of("scenarios/leeds-cut-10.yaml").toAbsolutePath()
                + "\nname: stepped\narrivals:\n  trend_pct_per_year: 5\n  steps: [{from_month: 6, multiplier: 2}]\n");
        Scenario cut = ScenarioReader.load(stepped, List.of()).scenario();
        assertFalse(cut.budget().changes().isEmpty());
        assertFalse(cut.arrivals().steps().isEmpty());
        Scenario atRest = RestCaseload.atTimeZero(cut, 300);
        assertTrue(atRest.budget().changes().isEmpty(), "budget changes act after time 0");
        assertTrue(atRest.arrivals().steps().isEmpty(), "demand steps act after time 0");
        assertEquals(0, atRest.arrivals().trendPctPerYear());
        assertEquals(cut.arrivals().ratePerMonth(), atRest.arrivals().ratePerMonth());
        assertEquals(cut.budget().annualGbp(), atRest.budget().annualGbp());
        assertEquals(300, atRest.warmupMonths());
        assertEquals(cut.horizonMonths(), atRest.horizonMonths());
        assertEquals(cut.initialCaseload(), atRest.initialCaseload(), "it starts where the file starts");
        assertEquals(cut.pathways(), atRest.pathways());
    }

    @Test
    void refusesAWarmupTheRunLengthCannotHold() {
        Scenario s = ScenarioReader.load(QUEUE, List.of()).scenario();
        InputException zero = assertThrows(InputException.class, () -> RestCaseload.checkWarmup(0, s));
        assertTrue(zero.getMessage().contains("--months must be 1 to 1080"), zero.getMessage());
        assertThrows(InputException.class, () -> RestCaseload.checkWarmup(1081, s));
        RestCaseload.checkWarmup(1080, s);
    }
}
