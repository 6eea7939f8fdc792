package org.caseload.api;

/**
 * Told how a {@link Study} is progressing when it runs on this machine ({@code execute} or
 * {@code executeShard}; a remote runner reports nothing here). {@link #finished} is called from
 * worker threads, so keep it quick and thread-safe; the others from the calling thread.
 */
public interface ProgressListener {
    /**
     * Before any replication runs.
     *
     * @param toRun    replications (over all scenarios) that will be simulated now
     * @param recorded replications read back from the journal instead (a resumed batch)
     */
    default void started(int toRun, int recorded) {
    }

    /** After each simulated replication (0-based index). */
    void finished(int replication);

    /** After the last replication. */
    default void done() {
    }
}
