package org.caseload.api;

import static org.caseload.api.ShardMergeTest.ok;
import static org.caseload.api.ShardMergeTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.caseload.BuildId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results of another build of caseload, whose model may differ, are never mixed with this
 * build's: a shard or a working folder whose record names another build is refused (exit 2,
 * naming the file), and so is a journal whose metrics are not this build's, which used to be an
 * internal error (exit 3, with a stack trace).
 */
class OtherBuildTest {
    private static final String OTHER = "0123456789ab".repeat(5) + "cdef";

    /** Shards 1/2 and 2/2 of a short comparison. */
    private static List<Path> shards(Path dir) {
        List<Path> shards = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            Path s = dir.resolve("shard-" + i);
            ok(ShardMergeTest.compare(s, "--shard", i + "/2", "--threads", "1", "--quiet"));
            shards.add(s);
        }
        return shards;
    }

    private static String[] merge(Path dir, List<Path> shards) {
        List<String> a = new ArrayList<>(List.of("merge", "--out", dir.resolve("merged").toString()));
        shards.forEach(s -> a.add(s.toString()));
        return a.toArray(String[]::new);
    }

    /** {@code file} with {@code from} (which must be there) replaced by {@code to}. */
    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " does not hold " + from);
        Files.writeString(file, text.replace(from, to));
    }

    private static String buildField(String build) {
        return "\"build\" : \"" + build + "\"";
    }

    /** A resumable working folder for {@code out} holding shard {@code shard}'s record and journal, as a killed shard run leaves it. */
    private static Path workFolderOf(Path shard, Path out) throws IOException {
        Path work = Files.createDirectories(Study.workFolderFor(out));
        Files.copy(shard.resolve(Study.SHARD), work.resolve(Study.BATCH), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(shard.resolve(Study.JOURNAL), work.resolve(Study.JOURNAL), StandardCopyOption.REPLACE_EXISTING);
        return work;
    }

    /**
     * Renames the first metric in the journal line of replication {@code rep} (from 1) of the
     * first scenario, with a checksum that matches, as another build with another metric would
     * have written it.
     */
    private static void renameAMetric(Path journal, int rep) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(journal, StandardCharsets.UTF_8));
        boolean found = false;
        for (int i = 0; i < lines.size() && !found; i++) {
            String[] f = lines.get(i).split("\t", -1);
            if (f.length < 4 || !f[1].equals("0") || !f[2].equals(String.valueOf(rep - 1))) continue;
            f[3] = "renamed_" + f[3];
            String body = String.join("\t", List.of(f).subList(1, f.length));
            CRC32 crc = new CRC32();
            crc.update(body.getBytes(StandardCharsets.UTF_8));
            lines.set(i, String.format("%08x", crc.getValue()) + "\t" + body);
            found = true;
        }
        assertTrue(found, "no line of replication " + rep + " in " + journal);
        Files.write(journal, lines, StandardCharsets.UTF_8);
    }

    @Test
    void aShardOfAnotherBuildIsRefusedNamingItsManifest(@TempDir Path dir) throws IOException {
        List<Path> shards = shards(dir);
        Path manifest = shards.get(1).resolve(Study.SHARD);
        String current = BuildId.current();
        edit(manifest, buildField(current), buildField(OTHER));
        Cli.Outcome o = refused(manifest + ": written by a different build of caseload (build 0123456789ab; this is build "
                + BuildId.shortForm(current) + "), whose results may differ: merge the shards with the build that ran them, or run "
                + "this shard again with this one", merge(dir, shards));
        assertEquals(1, o.err().strip().lines().count(), o.err());

        // A shard of a caseload that recorded no build at all is another build too.
        edit(manifest, ",\n  " + buildField(OTHER), "");
        refused(manifest + ": written by a different build of caseload (one that did not record its build;", merge(dir, shards));
        assertFalse(Files.exists(dir.resolve("merged")), "a refused merge writes nothing");
    }

    @Test
    void aResumeOfAnotherBuildsRecordIsRefusedAndTheRecordKept(@TempDir Path dir) throws IOException {
        Path shard = shards(dir).get(0);
        Path out = dir.resolve("resumed");
        Path work = workFolderOf(shard, out);
        edit(work.resolve(Study.BATCH), buildField(BuildId.current()), buildField(OTHER));
        byte[] record = Files.readAllBytes(work.resolve(Study.BATCH));
        refused(work.resolve(Study.BATCH) + ": written by a different build of caseload (build 0123456789ab; this is build "
                + BuildId.shortForm(BuildId.current()) + "), whose results may differ: finish the run with the build that started "
                + "it, or run the command again without --resume to start it over", "compare", "--resume", out.toString());
        assertTrue(java.util.Arrays.equals(record, Files.readAllBytes(work.resolve(Study.BATCH))), "a refused resume keeps the record");
        assertFalse(Files.exists(out));

        // The same record as this build wrote it resumes (everything is in the journal: nothing to run).
        edit(work.resolve(Study.BATCH), buildField(OTHER), buildField(BuildId.current()));
        Cli.Outcome resumed = ok("compare", "--resume", out.toString(), "--quiet");
        assertTrue(resumed.err().contains("resuming: 6 replications already done, 0 to run"), resumed.err());
        assertEquals(SameFiles.listing(shard), SameFiles.listing(out));
        for (String f : SameFiles.listing(shard)) assertEquals(-1, Files.mismatch(shard.resolve(f), out.resolve(f)), f);
    }

    @Test
    void metricsOfAnotherBuildAreAUserMistakeNotAnInternalError(@TempDir Path dir) throws IOException {
        List<Path> shards = shards(dir);
        Path work = workFolderOf(shards.get(0), dir.resolve("resumed"));

        Path journal = shards.get(1).resolve(Study.JOURNAL);
        renameAMetric(journal, 5);
        refused(journal + ": replication 5 does not have the metrics of the replications merged before it, so a "
                + "different build of caseload wrote it; run every shard again with one build", merge(dir, shards));

        renameAMetric(work.resolve(Study.JOURNAL), 2);
        refused(work.resolve(Study.JOURNAL) + ": its replications do not have the metrics this build computes, so a different "
                + "build of caseload wrote them; remove it to run the batch from the start", "compare", "--resume",
                dir.resolve("resumed").toString(), "--threads", "1", "--quiet");
    }
}
