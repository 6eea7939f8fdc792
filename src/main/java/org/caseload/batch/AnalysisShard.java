package org.caseload.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseload.analysis.Evaluator;
import org.caseload.fault.InputException;
import org.caseload.results.ReplicationResult;

/**
 * The work of an analysis ({@code psa}, {@code sweep}) when it is not simply all simulated here.
 * Its items (design point by design point, replication by replication) are sliced like a
 * batch's replications ({@link Slice}): a shard simulates its slice and keeps the results for
 * its shard folder's journal, keyed by design point and substream; a merge simulates nothing and
 * reads every item back from the shards; and a run recorded in a working folder's journal
 * ({@link #record}) journals each item as it finishes and, resumed, reads back those it finds
 * there. The analysis then writes exactly the files of an uninterrupted, unsharded run.
 */
public final class AnalysisShard implements Evaluator.Work {
    private final Slice slice;
    private final int items;
    private final Map<Long, ReplicationResult> merged;
    private final int shards;
    /** This slice's results, for a shard folder's journal; null (nothing kept) unless {@link #forShardFolder}. */
    private List<Journal.Entry> results;
    private Journal journal;

    private AnalysisShard(Slice slice, int items, Map<Long, ReplicationResult> merged, int shards) {
        this.slice = slice;
        this.items = items;
        this.merged = merged;
        this.shards = shards;
    }

    /** Simulates the items of {@code slice} (the whole analysis: {@link Slice#WHOLE}) out of {@code items}. */
    public static AnalysisShard slice(Slice slice, int items) {
        return new AnalysisShard(slice, items, null, slice.count());
    }

    /**
     * A merge of the journals of the shards of {@code batch} (each slice's journal), checked complete
     * as items are asked for; a journal of another batch or slice is refused naming it.
     */
    public static AnalysisShard merged(BatchSpec batch, Map<Slice, Path> journals, int items) {
        int shards = journals.keySet().iterator().next().count();
        Map<Long, ReplicationResult> all = new HashMap<>();
        for (Map.Entry<Slice, Path> e : journals.entrySet()) {
            try {
                Journal.forEach(e.getValue(), batch.withSlice(e.getKey()), en -> all.putIfAbsent(Offsets.key(en.scenario(), en.result().replication()), en.result()));
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException("cannot read " + e.getValue(), ex);
            }
        }
        return new AnalysisShard(null, items, all, shards);
    }

    /** Records every item simulated in {@code j}, and takes from it those already there (a resumed run). */
    public AnalysisShard record(Journal j) {
        journal = j;
        return this;
    }

    /**
     * Keeps this slice's results for {@link #writeJournal} (a shard's folder). Other runs keep
     * none: their analysis summarises the results as they come.
     */
    public AnalysisShard forShardFolder() {
        results = new ArrayList<>();
        return this;
    }

    /** Items of the slice already recorded by an interrupted run. */
    public int reused() {
        return journal == null ? 0 : journal.size();
    }

    @Override
    public boolean simulates(int item, int point, int substream) {
        if (merged != null || item < slice.first(items) || item >= slice.end(items)) return false;
        return journal == null || !journal.has(point, substream);
    }

    @Override
    public synchronized void simulated(int point, ReplicationResult result) {
        // The analysis reads metrics only: the monthly series are not kept.
        ReplicationResult kept = new ReplicationResult(result.replication(), result.metrics(), Map.of());
        if (journal != null) journal.append(point, kept);
        if (results != null) results.add(new Journal.Entry(point, kept));
    }

    @Override
    public synchronized ReplicationResult recorded(int item, int point, int substream) {
        if (merged == null) {
            ReplicationResult r = journal == null || item < slice.first(items) || item >= slice.end(items)
                    ? null : journal.get(point, substream);
            if (r != null && results != null) results.add(new Journal.Entry(point, r));
            return r;
        }
        ReplicationResult r = merged.get(Offsets.key(point, substream));
        if (r != null) return r;
        Slice owner = null;
        for (int i = 1; i <= shards && owner == null; i++) {
            Slice s = new Slice(i, shards);
            if (item >= s.first(items) && item < s.end(items)) owner = s;
        }
        throw new InputException("shard " + owner + ": work item " + (item + 1) + " of " + items + " (design point "
                + (point + 1) + ") is missing or damaged; run shard " + owner + " again");
    }

    /** Writes this shard's results (simulated here or read back from its record) as the journal of {@code shard}, in item order. */
    public synchronized void writeJournal(Path file, BatchSpec shard) {
        if (results == null) throw new IllegalStateException("results were not kept: call forShardFolder() before simulating");
        results.sort(Comparator.comparingInt(Journal.Entry::scenario).thenComparingInt(e -> e.result().replication()));
        try (Journal j = Journal.open(file, shard)) {
            for (Journal.Entry e : results) j.append(e.scenario(), e.result());
        }
    }
}
