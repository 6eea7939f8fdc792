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
 * The work of an analysis ({@code psa}, {@code sweep}) split into shards: its items (design
 * point by design point, replication by replication) are sliced like a batch's replications
 * ({@link Slice}). A shard simulates its slice and records each result in the shard folder's
 * journal, keyed by design point and substream; a merge simulates nothing and reads every item
 * back, so the analysis then writes exactly the files of an unsharded run.
 */
public final class AnalysisShard implements Evaluator.Work {
    private final Slice slice;
    private final int items;
    private final Map<Long, ReplicationResult> recorded;
    private final int shards;
    private final List<Journal.Entry> simulated = new ArrayList<>();

    private AnalysisShard(Slice slice, int items, Map<Long, ReplicationResult> recorded, int shards) {
        this.slice = slice;
        this.items = items;
        this.recorded = recorded;
        this.shards = shards;
    }

    /** A shard: simulates the items of {@code slice} out of {@code items}. */
    public static AnalysisShard slice(Slice slice, int items) {
        return new AnalysisShard(slice, items, null, slice.count());
    }

    /** A merge of the shards' journals (each a shard's folder with its slice), checked complete as items are asked for. */
    public static AnalysisShard merged(Map<Slice, Path> journals, int items) {
        int shards = journals.keySet().iterator().next().count();
        Map<Long, ReplicationResult> all = new HashMap<>();
        for (Map.Entry<Slice, Path> e : journals.entrySet()) {
            try {
                Journal.forEach(e.getValue(), en -> all.putIfAbsent(Offsets.key(en.scenario(), en.result().replication()), en.result()));
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException("cannot read " + e.getValue(), ex);
            }
        }
        return new AnalysisShard(null, items, all, shards);
    }

    @Override
    public boolean simulates(int item) {
        return slice != null && item >= slice.first(items) && item < slice.end(items);
    }

    @Override
    public synchronized void simulated(int point, ReplicationResult result) {
        // The analysis reads metrics only: the monthly series are not kept.
        simulated.add(new Journal.Entry(point, new ReplicationResult(result.replication(), result.metrics(), Map.of())));
    }

    @Override
    public ReplicationResult recorded(int item, int point, int substream) {
        if (recorded == null) return null;
        ReplicationResult r = recorded.get(Offsets.key(point, substream));
        if (r != null) return r;
        Slice owner = null;
        for (int i = 1; i <= shards && owner == null; i++) {
            Slice s = new Slice(i, shards);
            if (item >= s.first(items) && item < s.end(items)) owner = s;
        }
        throw new InputException("shard " + owner + ": work item " + (item + 1) + " of " + items + " (design point "
                + (point + 1) + ") is missing or damaged; run shard " + owner + " again");
    }

    /** Writes this shard's results as a journal, in item order. */
    public synchronized void writeJournal(Path file) {
        simulated.sort(Comparator.comparingInt(Journal.Entry::scenario).thenComparingInt(e -> e.result().replication()));
        try (Journal j = Journal.open(file)) {
            for (Journal.Entry e : simulated) j.append(e.scenario(), e.result());
        }
    }
}
