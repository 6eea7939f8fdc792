package org.caseload.api;

import static org.caseload.api.ShardMergeTest.ok;
import static org.caseload.api.ShardMergeTest.refused;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * psa and sweep record each finished work item beside their output folder: killed with SIGKILL
 * part-way and finished with --resume, they write the bytes of an uninterrupted run, reading back
 * what they had finished instead of simulating it again.
 */
class AnalysisResumeTest {
    private static final int ITEMS = 16; // 8 parameter sets x 2 replications

    private static List<String> psa(Path out) {
        return new ArrayList<>(List.of("psa", "scenarios/leeds.yaml", "--samples", "8", "--replications", "2", "--set",
                "horizon_months=24", "--set", "warmup_months=12", "--seed", "3", "--quiet", "--out", out.toString()));
    }

    @Test
    void killedPsaResumesToTheSameBytes(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("A");
        List<String> args = psa(a);
        args.addAll(List.of("--threads", "1"));
        long recorded = ResumeTest.killPartWay(args, a, 3, ITEMS, dir.resolve("child.log"));

        refused("was being written by 'caseload psa'", "sweep", "--resume", a.toString());
        refused("was being written by 'caseload psa'", "run", "--resume", a.toString());
        refused("leave out the scenario, --out and --shard", "psa", "scenarios/leeds.yaml", "--resume", a.toString());
        Cli.Outcome resumed = ok("psa", "--resume", a.toString(), "--threads", "2");
        assertTrue(resumed.err().contains("resuming: " + recorded + " work items already done, " + (ITEMS - recorded) + " to run"),
                resumed.err());
        assertFalse(Files.exists(Study.workFolderFor(a)), "the record is removed once the outputs are written");

        Path b = dir.resolve("B");
        ok(psa(b).toArray(String[]::new));
        assertFalse(Files.exists(Study.workFolderFor(b)), "an uninterrupted analysis leaves no record either");
        SameFiles.assertSame(b, a);
    }
}
