package org.caseload.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.caseload.batch.BatchSpec;
import org.caseload.batch.Journal;
import org.caseload.batch.Slice;
import org.caseload.results.ReplicationResult;
import org.caseload.results.ScenarioResult;
import org.caseload.fault.InputException;
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

    /** Whether a folder is a shard folder: its manifest records a slice. */
    static boolean isShard(Path dir) {
        Path m = dir.resolve(Study.SHARD);
        if (!Files.isRegularFile(m)) return false;
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(m.toFile()).has("slice");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Checks the shard folders fit together and returns the whole batch's results. */
    public static Results merge(List<Path> dirs) {
        if (dirs.isEmpty()) throw new InputException("give the shard folders to merge");
        List<BatchSpec> specs = new ArrayList<>();
        List<Path> shardFiles = new ArrayList<>();
        for (Path d : dirs) {
            if (!isShard(d)) {
                throw new InputException(d + ": not a shard folder (no " + Study.SHARD + " with a slice; shards are written by "
                        + "--shard I/N)");
            }
            specs.add(BatchSpec.read(d.resolve(Study.SHARD)));
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

        List<ScenarioReader.Loaded> loaded = new ArrayList<>();
        for (int i = 0; i < first.files().size(); i++) {
            Path f = Path.of(first.files().get(i));
            if (!Files.exists(f)) {
                throw new InputException(f + ": not found (a merge reads the scenario files the shards ran, from the same folder)");
            }
            ScenarioReader.Loaded l = ScenarioReader.load(f, first.overrides());
            if (!BatchSpec.hash(l.tree()).equals(first.scenarios().get(i).sha256())) {
                throw new InputException(f + ": has changed since the shards ran (its resolved scenario no longer matches "
                        + Study.SHARD + ")");
            }
            loaded.add(l);
        }

        int n = first.scenarios().size();
        int reps = first.replications();
        List<ReplicationResult[]> all = new ArrayList<>();
        for (int s = 0; s < n; s++) all.add(new ReplicationResult[reps]);
        for (var e : byIndex.entrySet()) {
            Path dir = e.getValue();
            Slice slice = new Slice(e.getKey(), count);
            Journal.Read read;
            try {
                read = Journal.read(dir.resolve(Study.JOURNAL));
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read " + dir.resolve(Study.JOURNAL), ex);
            }
            for (Journal.Entry en : read.entries()) {
                int r = en.result().replication();
                if (en.scenario() < 0 || en.scenario() >= n || r < slice.first(reps) || r >= slice.end(reps)) {
                    throw new InputException(dir.resolve(Study.JOURNAL) + ": holds replication " + (r + 1)
                            + " outside shard " + slice + "'s slice");
                }
                all.get(en.scenario())[r] = en.result();
            }
            for (int s = 0; s < n; s++) {
                for (int r = slice.first(reps); r < slice.end(reps); r++) {
                    if (all.get(s)[r] == null) {
                        throw new InputException(dir + ": replication " + (r + 1) + " of " + first.scenarios().get(s).name()
                                + " is missing or damaged" + (read.damaged() > 0 ? " (" + read.damaged() + " damaged lines)" : "")
                                + "; run shard " + slice + " again");
                    }
                }
            }
        }
        List<ScenarioResult> results = new ArrayList<>();
        for (int s = 0; s < n; s++) results.add(new ScenarioResult(first.scenarios().get(s).name(), List.of(all.get(s))));
        return new Results(first.withSlice(Slice.WHOLE), loaded, results, shardFiles);
    }
}
