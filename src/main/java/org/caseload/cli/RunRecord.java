package org.caseload.cli;

import java.nio.file.Files;
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

    /** @param resuming the record a --resume continues, which {@code record} must match (null: not a resume) */
    static RunRecord open(Path outputDir, BatchSpec record, BatchSpec resuming) {
        Path work = Study.workFolderFor(outputDir);
        if (resuming != null) WorkFolder.requireResumable(work, resuming, record);
        boolean had = Files.isDirectory(work);
        return new RunRecord(work, had, WorkFolder.open(work, record, null));
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
     * Refuses a --resume that runs the recorded command line again (psa, sweep, a --precision
     * run), which reads relative scenario files from the current folder, when one is not there,
     * saying where the run started.
     */
    static void requireFilesHere(Path dir, BatchSpec record) {
        StartedIn.requireFound(Study.workFolderFor(dir), record, null);
    }
}
