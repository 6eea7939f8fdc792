package org.caseload.validation;

import static org.caseload.validation.ValidationSupport.assertCovers;
import static org.caseload.validation.ValidationSupport.load;
import static org.caseload.validation.ValidationSupport.run;

import java.nio.file.Path;
import org.caseload.results.Metrics;
import org.caseload.results.ScenarioResult;
import org.junit.jupiter.api.Test;

/**
 * An unbroken stay in treatment can span several episodes (a transfer, or completing one
 * pathway and moving to another), and the initial caseload is seeded with the treatment
 * episodes its people moved on from, so the shares in treatment for six months and four years
 * are at rest from time 0, with no warm-up. In moves.yaml everyone spends exactly 1,000 days
 * in pathway a, then 1,000 in b: at rest 26.95% of people in treatment have been so for four
 * years or more, and 9.13% for under six months (worked in the file). Seeded from their
 * current episode only, the first read 0 and the second 11.4 in the first year.
 */
class SeededStaysTest {
    private static final Path MOVES = Path.of("src/test/resources/validation/moves.yaml");

    @Test
    void staysSpanningEpisodesAreSeededAtRest() {
        ScenarioResult r = run(load(MOVES), 20, 1);
        assertCovers(r, Metrics.PCT_IN_TREATMENT_4Y, 100 * 539.0 / 2000);
        assertCovers(r, "pct_alcohol_in_treatment_under_6m", 100 * (365.25 / 2) / 2000);
    }
}
