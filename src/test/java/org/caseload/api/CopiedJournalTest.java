package org.caseload.api;

import static org.caseload.api.ShardMergeTest.ok;
import static org.caseload.api.ShardMergeTest.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal copied from a run with another seed into a working folder (or a shard folder) is
 * refused, naming it: its records checksum well line by line, and were merged into the other
 * batch's results without a word before journals named their batch.
 */
class CopiedJournalTest {
    /** Shard {@code slice} of the short comparison at {@code seed}. */
    private static Path shard(Path dir, int seed, String slice) {
        Path s = dir.resolve("seed-" + seed + "-shard-" + slice.replace('/', '-'));
        ok(ShardMergeTest.compareWithSeed(seed, s, "--shard", slice, "--threads", "1", "--quiet"));
        return s;
    }

    @Test
    void aJournalOfAnotherSeedIsRefusedByResumeAndMerge(@TempDir Path dir) throws IOException {
        Path seed3 = shard(dir, 3, "1/2");
        Path seed4 = shard(dir, 4, "1/2");

        // A killed run of seed 3's shard, whose journal was replaced by seed 4's.
        Path out = dir.resolve("resumed");
        Path work = Files.createDirectories(Study.workFolderFor(out));
        Files.copy(seed3.resolve(Study.SHARD), work.resolve(Study.BATCH));
        Files.copy(seed4.resolve(Study.JOURNAL), work.resolve(Study.JOURNAL));
        byte[] journal = Files.readAllBytes(work.resolve(Study.JOURNAL));
        String refusal = work.resolve(Study.JOURNAL) + ": the journal of another batch (its first line names a batch other than "
                + "this one: copied from another run?); remove it to run the batch from the start";
        refused(refusal, "compare", "--resume", out.toString(), "--threads", "1", "--quiet");
        // The command without --resume continues the same record, so it is refused the same way.
        refused(refusal, ShardMergeTest.compareWithSeed(3, out, "--shard", "1/2", "--threads", "1", "--quiet"));
        assertArrayEquals(journal, Files.readAllBytes(work.resolve(Study.JOURNAL)), "a refused journal is left as it was");
        assertFalse(Files.exists(out));

        // A shard folder whose journal was replaced by another seed's.
        Path other = shard(dir, 3, "2/2");
        Files.copy(seed4.resolve(Study.JOURNAL), seed3.resolve(Study.JOURNAL), StandardCopyOption.REPLACE_EXISTING);
        refused(seed3.resolve(Study.JOURNAL) + ": the journal of another batch (its first line names a batch other than this one: "
                + "copied from another run?); run shard 1/2 again", "merge", "--out", dir.resolve("merged").toString(),
                seed3.toString(), other.toString());
        assertFalse(Files.exists(dir.resolve("merged")), "a refused merge writes nothing");
    }
}
