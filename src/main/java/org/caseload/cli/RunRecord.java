package org.caseload.cli;

import java.nio.file.Path;
import org.caseload.api.StartedIn;
import org.caseload.api.Study;
import org.caseload.api.WorkFolder;
import org.caseload.batch.BatchSpec;
import org.caseload.batch.Journal;

/**
 * The journal beside an output folder ({@code .DIR.resume/}) of a command that does not run
 * through {@link Study} (psa, sweep, --precision): opened before simulating, continuing the
 * record of a killed run of the same work; removed once the outputs are written, or when the run
 * fails by itself (a record it continued is kept, for another try).
 */
final class RunRecord {
    private final Path workFolder;
    private final boolean hadRecord;
    private final Journal journal;

    private RunRecord(Path workFolder, boolean hadRecord, Journal journal) {
        this.workFolder = workFolder;
        this.hadRecord = hadRecord;
        this.journal = journal;
    }

    /**
     * @param resuming  the record a --resume continues, which {@code record} must match (null: not a resume)
     * @param startedIn the folder the run started in, to which its relative scenario files are relative (null: the current folder)
     */
    static RunRecord open(Path outputDir, BatchSpec record, BatchSpec resuming, Path startedIn) {
        Path work = Study.workFolderFor(outputDir);
        if (resuming != null) WorkFolder.requireResumable(work, resuming, record);
        // The folder may be there only for its lock (taken first by a run of several scenarios).
        boolean had = WorkFolder.hasRecord(work);
        return new RunRecord(work, had, WorkFolder.open(work, record, startedIn));
    }

    Journal journal() {
        return journal;
    }

    /** The outputs are complete: the record is no longer needed. */
    void done() {
        journal.close();
        WorkFolder.forget(workFolder);
    }

    /** The run failed by itself (not killed). */
    void failed() {
        try {
            journal.close();
        } catch (RuntimeException e) {
            // best effort, as below
        }
        try {
            WorkFolder.failed(workFolder, hadRecord);
        } catch (RuntimeException e) {
            // best effort: what remains is an ordinary record that --resume or a new run takes over
        }
    }

    /** The record of the work that was writing into {@code dir}, for --resume; a user mistake when there is none. */
    static BatchSpec recordedFor(Path dir) {
        return WorkFolder.recorded(Study.workFolderFor(dir));
    }

    /**
     * For a --resume that runs the recorded command line again (psa, sweep, a --precision run):
     * the folder the run started in, from which its relative scenario files are read (null when
     * the record does not say: the current folder). Refuses, naming it, a file not there.
     */
    static Path startedIn(Path dir, BatchSpec record) {
        Path work = Study.workFolderFor(dir);
        Path from = StartedIn.read(work);
        StartedIn.requireFound(work, record, from);
        return from;
    }
}
