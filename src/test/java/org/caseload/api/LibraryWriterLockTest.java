package org.caseload.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.caseload.fault.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's writers (Results.write, Study.executeShard) hold the folders they write as the
 * command line does: while another caseload holds one, they are refused and write nothing; done,
 * they leave no lock behind.
 */
class LibraryWriterLockTest {
    private static Study study(Path... files) {
        return Study.run(List.of(files)).set("horizon_months", 13).set("warmup_months", 0).replications(2).seed(5).threads(1);
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Holds the lock of output folder {@code out} from another process. */
    private static LockHolder holdFromOutside(Path out) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "no python3 to hold a lock");
        Path work = Files.createDirectories(Study.workFolderFor(out));
        return LockHolder.hold(Files.writeString(work.resolve("lock"), ""));
    }

    @Test
    void resultsAreNotWrittenIntoAFolderAnotherCaseloadHolds(@TempDir Path dir) throws Exception {
        Results one = study(Path.of("scenarios/leeds.yaml")).execute();
        Path out = dir.resolve("out");
        try (LockHolder other = holdFromOutside(out)) {
            InputException e = assertThrows(InputException.class, () -> one.write(out));
            assertTrue(e.getMessage().contains("another caseload is writing " + out.toAbsolutePath()), e.getMessage());
            assertFalse(Files.exists(out), "nothing is written");
        }
        one.write(out);
        assertTrue(Files.exists(out.resolve("summary.csv")));
        assertEquals(List.of("out"), names(dir), "no lock folder is left once written");
    }

    @Test
    void aRunOfSeveralHoldsEachScenarioFolder(@TempDir Path dir) throws Exception {
        Results two = study(Path.of("scenarios/leeds.yaml"), Path.of("scenarios/leeds-cut-10.yaml")).execute();
        Path out = dir.resolve("R");
        try (LockHolder other = holdFromOutside(out.resolve("leeds-cut-10"))) {
            InputException e = assertThrows(InputException.class, () -> two.write(out));
            assertTrue(e.getMessage().contains("another caseload is writing"), e.getMessage());
            assertEquals(List.of(".leeds-cut-10.resume"), names(out), "nothing is written beside the held folder");
        }
        Files.delete(Study.workFolderFor(out.resolve("leeds-cut-10")).resolve("lock"));
        Files.delete(Study.workFolderFor(out.resolve("leeds-cut-10")));
        two.write(out);
        assertEquals(List.of("leeds", "leeds-cut-10"), names(out));
        assertEquals(List.of("R"), names(dir));
    }

    @Test
    void aShardIsNotWrittenIntoAFolderAnotherCaseloadHolds(@TempDir Path dir) throws Exception {
        Path shard = dir.resolve("shard");
        try (LockHolder other = holdFromOutside(shard)) {
            InputException e = assertThrows(InputException.class,
                    () -> study(Path.of("scenarios/leeds.yaml")).shard(1, 2).executeShard(shard));
            assertTrue(e.getMessage().contains("another caseload is writing"), e.getMessage());
            assertFalse(Files.exists(shard));
        }
        Files.delete(Study.workFolderFor(shard).resolve("lock"));
        Files.delete(Study.workFolderFor(shard));
        study(Path.of("scenarios/leeds.yaml")).shard(1, 2).executeShard(shard);
        assertEquals(List.of("shard"), names(dir));
    }
}
