package org.caseload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference comparison in results/reference/ is regenerated at its seed and its CSVs
 * must match byte for byte. A model change that moves the numbers fails here, so the
 * reference is refreshed on purpose (with the command in results/README.md), never silently.
 */
class ReferenceResultsTest {
    static final Path REFERENCE = Path.of("results/reference/leeds-vs-leeds-cut-10");
    /** Exactly the documented command's arguments (results/README.md). */
    static final List<String> COMMAND = List.of("compare", "scenarios/leeds.yaml", "scenarios/leeds-cut-10.yaml",
            "--replications", "10", "--seed", "1");

    @Test
    void referenceComparisonIsReproduced(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("ref");
        List<String> args = new java.util.ArrayList<>(COMMAND);
        args.addAll(List.of("--out", out.toString()));
        BadInputTest.Outcome o = BadInputTest.execute(args.toArray(String[]::new));
        assertEquals(0, o.exit(), o.err());
        for (String f : List.of("comparison.csv", "summary.csv", "replications.csv", "monthly.csv")) {
            assertEquals(-1, Files.mismatch(REFERENCE.resolve(f), out.resolve(f)),
                    f + " differs from the reference: if the model changed on purpose, regenerate results/reference "
                            + "with the command in results/README.md and commit it");
        }
    }
}
