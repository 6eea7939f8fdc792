package org.caseload.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Where a scenario's finished replications are kept, in replication order, for the outputs that
 * need every value (replications.csv, the workbook's Replications sheet, a shard's journal, the
 * API's per-replication values) rather than running sums: a file on disk for a batch, whose
 * memory must not grow with its replications ({@link #spill}), or a list for small in-memory
 * uses ({@link #inMemory}).
 */
public interface ReplicationStore {
    /** Appends the next replication (replication order). */
    void add(ReplicationResult r);

    /** Replications added. */
    int size();

    /** Reads every replication back, in the order added; close it when done. */
    Reader reader();

    /** An iteration over a store's replications that holds one at a time. */
    interface Reader extends Iterator<ReplicationResult>, AutoCloseable {
        @Override
        void close();
    }

    /** A store holding the results themselves. */
    static ReplicationStore inMemory() {
        return new ReplicationStore() {
            private final List<ReplicationResult> list = new ArrayList<>();

            @Override
            public void add(ReplicationResult r) {
                list.add(r);
            }

            @Override
            public int size() {
                return list.size();
            }

            @Override
            public Reader reader() {
                Iterator<ReplicationResult> it = List.copyOf(list).iterator();
                return new Reader() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public ReplicationResult next() {
                        return it.next();
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
    }

    /** A store in a new file in {@code folder} (deleted when the store is no longer used, or at exit). */
    static ReplicationStore spill(Path folder) {
        return SpillFile.create(folder);
    }
}
