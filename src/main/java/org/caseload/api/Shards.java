package org.caseload.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.caseload.batch.AnalysisShard;
import org.caseload.batch.BatchSpec;
import org.caseload.batch.Journal;
import org.caseload.batch.Slice;
import org.caseload.stats.BatchSummary;
import org.caseload.fault.InputException;
import org.caseload.fault.Text;
import org.caseload.report.OutputDirectory;
import org.caseload.scenario.ComparedScenarios;
import org.caseload.scenario.ScenarioReader;

/**
 * Merges the shard folders of one batch (written by {@link Study#executeShard}) into the
 * results of the whole batch, identical to an unsharded run. Shards that do not belong
 * together, a missing or a repeated slice, or an incomplete shard are refused with an
 * {@link InputException} that says which.
 */
public final class Shards {
    private Shards() {
    }

    /**
     * Shard folders that belong together (see {@link #check}): their records, read once, and the
     * scenarios re-read; merge them with {@link #merge(Checked)} or {@link #analysis(Checked)}, as
     * their {@link #record()}'s command says.
     */
    public static final class Checked {
        private final List<Path> dirs;
        private final BatchSpec first;
        private final TreeMap<Integer, Path> byIndex;
        private final List<ScenarioReader.Loaded> loaded;
        private final List<Path> shardFiles;
        private final Path ranIn;
        private final List<Path> located;

        private Checked(List<Path> dirs, BatchSpec first, TreeMap<Integer, Path> byIndex, List<ScenarioReader.Loaded> loaded,
                        List<Path> shardFiles, Path ranIn, List<Path> located) {
            this.dirs = List.copyOf(dirs);
            this.first = first;
            this.byIndex = byIndex;
            this.loaded = loaded;
            this.shardFiles = shardFiles;
            this.ranIn = ranIn;
            this.located = located;
        }

        /** The record the shards share: the first folder's, with its slice. */
        public BatchSpec record() {
            return first;
        }

        /**
         * The folder the record's relative scenario files are read from (null: the current
         * folder): where the shards ran, when the files are there; the outputs name each file as
         * recorded.
         */
        public Path readFrom() {
            return ranIn;
        }
    }

    /**
     * Checks the shard folders fit together: one batch of this build (same version, scenarios, overrides, seed,
     * design), every slice 1…N exactly once, the scenario files still hashing the same.
     */
    public static Checked check(List<Path> dirs) {
        if (dirs.isEmpty()) throw new InputException("give the shard folders to merge");
        List<BatchSpec> specs = new ArrayList<>();
        List<Path> shardFiles = new ArrayList<>();
        for (Path d : dirs) {
            // One read of the manifest: an ordinary run's has no slice; a damaged one is refused, saying where.
            Path manifest = d.resolve(Study.SHARD);
            BatchSpec spec = Files.isRegularFile(manifest) ? BatchSpec.readShard(manifest) : null;
            if (spec == null) {
                throw new InputException(d + ": not a shard folder (no " + Study.SHARD + " with a slice; shards are written by "
                        + "--shard I/N)");
            }
            specs.add(spec);
            shardFiles.add(d.resolve(Study.SHARD));
            shardFiles.add(d.resolve(Study.JOURNAL));
        }
        BatchSpec first = specs.get(0);
        int count = first.slice().count();
        TreeMap<Integer, Path> byIndex = new TreeMap<>();
        for (int i = 0; i < specs.size(); i++) {
            BatchSpec s = specs.get(i);
            String diff = first.differenceFrom(s);
            if (diff != null) throw new InputException(dirs.get(i) + " does not belong with " + dirs.get(0) + ": " + diff);
            if (s.slice().count() != count) {
                throw new InputException(dirs.get(i) + " is shard " + s.slice() + " but " + dirs.get(0) + " is shard "
                        + first.slice() + ": all shards must split the batch the same way");
            }
            Path seen = byIndex.put(s.slice().index(), dirs.get(i));
            if (seen != null) {
                throw new InputException("shard " + s.slice() + " is given twice: " + seen + " and " + dirs.get(i));
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) if (!byIndex.containsKey(i)) missing.add(i + "/" + count);
        if (!missing.isEmpty()) {
            throw new InputException((missing.size() == 1 ? "shard " : "shards ") + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing: a merge needs all " + count);
        }

        Path ranIn = whereToRead(dirs.get(0), first);
        List<Path> located = first.files().stream().map(f -> StartedIn.locate(Path.of(f), ranIn)).toList();
        List<ScenarioReader.Loaded> loaded = new ArrayList<>();
        for (Path f : located) loaded.add(ScenarioReader.load(f, first.overrides()));
        if ("compare".equals(first.command())) loaded = ComparedScenarios.align(loaded);
        for (int i = 0; i < loaded.size(); i++) {
            if (!BatchSpec.hash(loaded.get(i).tree()).equals(first.scenarios().get(i).sha256())) {
                throw new InputException(first.files().get(i) + ": has changed since the shards ran (its resolved scenario no longer matches "
                        + Study.SHARD + ")");
            }
        }
        return new Checked(dirs, first, byIndex, loaded, shardFiles, ranIn, located);
    }

    /**
     * The folder the shards' relative scenario files are read from (null: the current folder):
     * the folder the first shard ran in ({@link StartedIn}, kept in its shard folder) when every
     * file is there, else the current folder when every file is here (a shard that ran on
     * another machine, or one written before the folder was kept). Refuses, naming where it
     * looked, a file in neither.
     */
    private static Path whereToRead(Path shard, BatchSpec record) {
        Path ranIn = StartedIn.read(shard);
        if (ranIn != null && record.files().stream().allMatch(f -> Files.exists(StartedIn.locate(Path.of(f), ranIn)))) return ranIn;
        for (String given : record.files()) {
            if (Files.exists(Path.of(given))) continue;
            throw new InputException(Text.oneLine(given) + ": not found " + (ranIn == null
                    ? "in the current folder (the shards do not say which folder they ran in: run the merge from there)"
                    : "in " + Text.oneLine(ranIn.toString()) + ", the folder the shards ran in, nor in the current folder "
                    + "(a merge reads the scenario files the shards ran)"));
        }
        return null;
    }

    /** Checks the shard folders of a run or comparison fit together and returns the whole batch's results. */
    public static Results merge(List<Path> dirs) {
        return merge(check(dirs));
    }

    /** The whole batch's results from shard folders of a run or comparison already checked to fit together. */
    public static Results merge(Checked c) {
        BatchSpec first = c.first;
        if (first.items() > 0) {
            throw new InputException(c.dirs.get(0) + " is a shard of a '" + first.command() + "': merge it with caseload merge");
        }
        int count = first.slice().count();
        BatchSummary summary = WorkFolder.summary(null, first.scenarios().stream().map(BatchSpec.ScenarioId::name).toList(),
                "compare".equals(first.command()));
        for (var e : c.byIndex.entrySet()) feed(e.getValue(), new Slice(e.getKey(), count), first, summary);
        return new Results(first.withSlice(Slice.WHOLE), c.loaded, summary, c.shardFiles).readFrom(c.located);
    }

    /**
     * Adds one shard's replications to the summary, in order: its journal holds them replication
     * by replication, every scenario's in turn, as {@link Study#executeShard} writes them. A
     * replication missing, damaged or outside the slice refuses the merge.
     */
    private static void feed(Path dir, Slice slice, BatchSpec spec, BatchSummary summary) {
        int n = spec.scenarios().size();
        int reps = spec.replications();
        Path journal = dir.resolve(Study.JOURNAL);
        int[] next = {slice.first(reps) * n}; // the next (replication, scenario) item expected
        int damaged;
        try {
            damaged = Journal.forEach(journal, spec.withSlice(slice), en -> {
                int r = en.result().replication();
                if (en.scenario() < 0 || en.scenario() >= n || r < slice.first(reps) || r >= slice.end(reps)) {
                    throw new InputException(journal + ": holds replication " + (r + 1) + " outside shard " + slice + "'s slice");
                }
                int item = r * n + en.scenario();
                if (item < next[0]) return; // recorded twice: the first record counts
                if (item > next[0]) throw missing(dir, slice, spec, next[0], 0);
                try {
                    summary.add(en.scenario(), en.result());
                } catch (IllegalArgumentException unlike) {
                    // Not the metrics (or months) of the replications merged before it: another build's, whatever its record says.
                    throw new InputException(journal + ": replication " + (r + 1) + " does not have the metrics of the replications merged before it, so a different build of caseload "
                            + "wrote it; run every shard again with one build");
                }
                next[0]++;
            });
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + journal, ex);
        }
        if (next[0] < slice.end(reps) * n) throw missing(dir, slice, spec, next[0], damaged);
    }

    private static InputException missing(Path dir, Slice slice, BatchSpec spec, int item, int damaged) {
        int n = spec.scenarios().size();
        return new InputException(dir + ": replication " + (item / n + 1) + " of " + spec.scenarios().get(item % n).name()
                + " is missing or damaged" + (damaged > 0 ? " (" + damaged + " damaged lines)" : "") + "; run shard " + slice + " again");
    }

    /**
     * An analysis's shard folders, checked as a batch's are: its record and the work that reads
     * every item back from the shards' journals (an item missing refuses the merge, naming its shard).
     */
    public record Analysis(BatchSpec spec, AnalysisShard work, List<Path> files) {
    }

    /** Checks an analysis's shard folders fit together and returns its record with the work that reads them back. */
    public static Analysis analysis(List<Path> dirs) {
        return analysis(check(dirs));
    }

    /** An analysis's record and the work that reads its items back, from shard folders already checked to fit together. */
    public static Analysis analysis(Checked c) {
        Map<Slice, Path> journals = new LinkedHashMap<>();
        c.byIndex.forEach((i, d) -> journals.put(new Slice(i, c.first.slice().count()), d.resolve(Study.JOURNAL)));
        return new Analysis(c.first.withSlice(Slice.WHOLE), AnalysisShard.merged(c.first, journals, c.first.items()), c.shardFiles);
    }

    /**
     * Writes an analysis's shard folder (its record, its journal, and the folder it ran in,
     * {@code startedIn}, null for the current one) into an output folder opened before
     * simulating; commits it.
     */
    public static void writeAnalysisShard(OutputDirectory od, BatchSpec spec, AnalysisShard work, Path startedIn) {
        od.write(folder -> {
            work.writeJournal(folder.resolve(Study.JOURNAL), spec);
            spec.write(folder.resolve(Study.SHARD));
            StartedIn.record(folder, startedIn);
        });
        od.commit();
    }
}
