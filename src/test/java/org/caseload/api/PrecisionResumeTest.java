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
 * A --precision comparison records its replications as they finish: killed with SIGKILL after its
 * first batch and resumed, it makes the same choices and writes the bytes of an uninterrupted run.
 */
class PrecisionResumeTest {
    private static List<String> compare(Path out) {
        return new ArrayList<>(List.of("compare", "scenarios/leeds.yaml", "scenarios/leeds-cut-10.yaml", "--precision", "0.02",
                "--seed", "3", "--set", "horizon_months=24", "--set", "warmup_months=12", "--quiet", "--out", out.toString()));
    }

    @Test
    void killedPrecisionComparisonResumesToTheSameBytes(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("A");
        List<String> args = compare(a);
        args.addAll(List.of("--threads", "1"));
        // Past the first batch of 10 replications of both scenarios: the resumed run repeats its choice.
        long recorded = ResumeTest.killPartWay(args, a, 24, 1000, dir.resolve("child.log"));

        refused("leave out --precision", "compare", "--resume", a.toString(), "--precision", "0.05");
        refused("was being written by 'caseload compare'", "run", "--resume", a.toString());
        Cli.Outcome resumed = ok("compare", "--resume", a.toString(), "--threads", "2");
        assertTrue(resumed.err().contains("resuming: " + recorded + " replications already done"), resumed.err());
        assertFalse(Files.exists(Study.workFolderFor(a)), "the record is removed once the outputs are written");

        Path b = dir.resolve("B");
        List<String> whole = compare(b);
        whole.addAll(List.of("--threads", "2"));
        ok(whole.toArray(String[]::new));
        SameFiles.assertSame(b, a);
        assertTrue(Files.readString(b.resolve("report.html")).contains("--precision 0.02 --max-replications 1000 --seed 3"),
                "the report's command reproduces the run, not how it was run");
    }
}
