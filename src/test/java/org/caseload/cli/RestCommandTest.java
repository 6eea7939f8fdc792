package org.caseload.cli;

import static org.caseload.cli.BadInputTest.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caseload.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caseload rest}: the block it prints goes into a scenario file as it is. */
class RestCommandTest {
    private static final Path QUEUE = Path.of("src/test/resources/validation/queue.yaml");

    @Test
    void printsAnInitialCaseloadThatTheFileTakes(@TempDir Path dir) throws IOException {
        BadInputTest.Outcome o = execute("rest", QUEUE.toString(), "--months", "24", "--replications", "3", "--threads", "2");
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().contains("after a 24-month warm-up, means of 3 replications (seed 1)"), o.out());
        assertTrue(o.out().contains("Nobody waits for a place at rest."), "an open pathway has no queue: " + o.out());
        assertTrue(o.out().matches("(?s).*\ninitial_caseload:\n  open: \\d+ +# 95% CI [0-9.]+ to [0-9.]+; the file gives none\n"), o.out());
        Path pasted = dir.resolve("queue-at-rest.yaml");
        Files.writeString(pasted, Files.readString(QUEUE) + "\n" + o.out());
        int people = ScenarioReader.load(pasted, List.of()).scenario().initialCaseload().get("open");
        assertTrue(Math.abs(people - 300 * 12 / 365.25 * 90) < 25, "open: " + people);
    }

    /** Leeds' rehab, 30 places, has a queue at rest that no file can seed: the block says how long. */
    @Test
    void listsTheQueuesAtRest() {
        BadInputTest.Outcome o = execute("rest", "scenarios/leeds.yaml", "--months", "48", "--replications", "3",
                "--set", "horizon_months=24");
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().contains("(listed below)"), o.out());
        assertTrue(o.out().matches("(?s).*\n# Waiting for a place at rest.*\n#   rehab: [0-9.]+ \\(95% CI [0-9.]+ to [0-9.]+\\)\n"), o.out());
        assertTrue(!o.out().contains("#   long_arm_prescribing:"), "long-arm prescribing has no queue: " + o.out());
    }

    @Test
    void refusesBadCounts() {
        BadInputTest.Outcome months = execute("rest", QUEUE.toString(), "--months", "0");
        assertEquals(2, months.exit());
        assertTrue(months.err().contains("--months must be 1 to 1080"), months.err());
        BadInputTest.Outcome reps = execute("rest", QUEUE.toString(), "--replications", "1");
        assertEquals(2, reps.exit());
        assertTrue(reps.err().contains("--replications must be at least 2 (got 1)"), reps.err());
        assertTrue(months.out().isEmpty() && reps.out().isEmpty(), "nothing printed to paste");
    }
}
