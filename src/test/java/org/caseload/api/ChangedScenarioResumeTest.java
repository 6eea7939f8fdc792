package org.caseload.api;

import static org.caseload.api.ShardMergeTest.ok;
import static org.caseload.api.ShardMergeTest.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A killed run whose scenario file is edited before {@code --resume} is refused, for each kind
 * of record (a fixed count through Study, an analysis, a --precision run): resuming it would
 * otherwise replace the record and quietly start again, and its files would not be those of
 * an uninterrupted run of what was recorded. The refusal leaves the record as it was.
 */
class ChangedScenarioResumeTest {
    private static final List<String> SHORT = List.of("--set", "horizon_months=24", "--set", "warmup_months=12", "--seed", "3",
            "--threads", "1", "--quiet");

    private static Path scenario(Path dir) throws Exception {
        Path s = dir.resolve("s.yaml");
        Files.copy(Path.of("scenarios/leeds.yaml"), s);
        return s;
    }

    private static void edit(Path scenario, String from, String to) throws Exception {
        String text = Files.readString(scenario);
        assertTrue(text.contains(from), "the scenario no longer holds " + from);
        Files.writeString(scenario, text.replace(from, to));
    }

    /**
     * Runs {@code command SCENARIO options... --out DIR} (a copy of Leeds), kills it part-way
     * (all: its work items), edits the scenario, and checks that --resume is refused and the
     * record kept; returns DIR.
     */
    private static Path refusedAfterAnEdit(Path dir, String command, int all, String... options) throws Exception {
        Path scenario = dir.resolve("s.yaml");
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>(List.of(command, scenario.toString()));
        args.addAll(List.of(options));
        args.addAll(List.of("--out", out.toString()));
        args.addAll(SHORT);
        ResumeTest.killPartWay(args, out, 1, all, dir.resolve("child.log"));
        Path work = Study.workFolderFor(out);
        byte[] record = Files.readAllBytes(work.resolve(Study.BATCH));
        long journal = ResumeTest.lines(work.resolve(Study.JOURNAL));

        edit(scenario, "rate_per_month: 183", "rate_per_month: 184");
        refused("cannot resume the run recorded in " + work, command, "--resume", out.toString());
        Cli.Outcome o = Cli.execute(command, "--resume", out.toString());
        assertTrue(o.err().contains("differs (its file or the --set values changed)"), o.err());

        assertArrayEquals(record, Files.readAllBytes(work.resolve(Study.BATCH)), "a refused resume keeps the record");
        assertEquals(journal, ResumeTest.lines(work.resolve(Study.JOURNAL)), "a refused resume keeps the journal");
        assertFalse(Files.exists(out), "a refused resume writes no output folder");
        return out;
    }

    @Test
    void aFixedCountRunRefusesAChangedFileAndResumesOnceItIsBack(@TempDir Path dir) throws Exception {
        Path s = scenario(dir);
        Path out = refusedAfterAnEdit(dir, "run", 12, "--replications", "12");
        edit(s, "rate_per_month: 184", "rate_per_month: 183");
        Cli.Outcome resumed = ok("run", "--resume", out.toString());
        assertTrue(resumed.err().contains("replications already done"), resumed.err());
        assertTrue(Files.exists(out.resolve("summary.csv")));
    }

    @Test
    void anAnalysisRefusesAChangedFile(@TempDir Path dir) throws Exception {
        scenario(dir);
        refusedAfterAnEdit(dir, "psa", 16, "--samples", "8", "--replications", "2");
    }

    @Test
    void aPrecisionRunRefusesAChangedFile(@TempDir Path dir) throws Exception {
        scenario(dir);
        refusedAfterAnEdit(dir, "run", 200, "--precision", "0.001", "--max-replications", "200");
    }
}
