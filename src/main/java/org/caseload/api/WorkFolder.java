package org.caseload.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.caseload.batch.BatchSpec;
import org.caseload.batch.Journal;
import org.caseload.eventlog.EventLog;
import org.caseload.fault.FileFaults;
import org.caseload.fault.InputException;
import org.caseload.results.ReplicationStore;
import org.caseload.stats.BatchSummary;

/**
 * A batch's working folder ({@link Study#recordIn}, and an analysis's: psa, sweep):
 * {@code batch.json} (what the batch is), {@code journal.tsv} (the finished replications or work
 * items), {@code values/} (a running batch's values, see {@link ReplicationStore}) and
 * {@code events/} (event logs, if asked for), kept until the outputs are written.
 */
public final class WorkFolder {
    private WorkFolder() {
    }

    /** The record of the batch a working folder holds; a user mistake naming the folder when there is none. */
    public static BatchSpec recorded(Path workFolder) {
        Path record = workFolder.resolve(Study.BATCH);
        if (!Files.exists(record)) throw new InputException(workFolder + ": no unfinished run is recorded there");
        return BatchSpec.read(record);
    }

    /**
     * Refuses to resume the batch recorded in a working folder as anything else: a scenario file
     * (or the tool, or a --set) changed since it started. Opened as it is, the record would be
     * replaced and the batch would quietly start again, so the promise of the same files as an
     * uninterrupted run would not hold.
     */
    public static void requireResumable(Path workFolder, BatchSpec recorded, BatchSpec now) {
        String difference = recorded.differenceFrom(now);
        if (difference == null && !recorded.slice().equals(now.slice())) difference = "shard " + recorded.slice() + " vs " + now.slice();
        if (difference == null) return;
        throw new InputException("cannot resume the run recorded in " + workFolder + ": what it recorded and what its files give "
                + "now are not the same batch: " + difference + ". Put the scenario files back as they were to resume it, or run "
                + "the command again without --resume to start it over");
    }

    /** Opens the journal of this batch in the working folder, starting a new one if the folder held another batch. */
    public static Journal open(Path workFolder, BatchSpec spec) {
        try {
            Files.createDirectories(workFolder);
            Path record = workFolder.resolve(Study.BATCH);
            boolean same = false;
            if (Files.exists(record)) {
                try {
                    same = spec.equals(BatchSpec.read(record));
                } catch (InputException unreadable) {
                    same = false;
                }
            }
            if (!same) {
                Files.deleteIfExists(workFolder.resolve(Study.JOURNAL));
                EventLogFiles.forget(workFolder);
                // Written aside and moved, so a kill while writing never leaves half a record.
                Path temp = workFolder.resolve(Study.BATCH + ".tmp");
                spec.write(temp);
                Files.move(temp, record, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            forgetValues(workFolder); // a killed run's: never read again
            return Journal.open(workFolder.resolve(Study.JOURNAL));
        } catch (IOException e) {
            throw FileFaults.of("cannot prepare the working folder", workFolder, e);
        }
    }

    private static void forgetValues(Path workFolder) throws IOException {
        Path values = workFolder.resolve(VALUES);
        if (!Files.isDirectory(values)) return;
        try (var files = Files.list(values)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
        }
        Files.deleteIfExists(values);
    }

    /** Where event logs are written while the batch runs: the working folder's events/, or a new temporary folder. */
    static Path events(Path workFolder) {
        try {
            if (workFolder == null) return Files.createTempDirectory("caseload-events-");
            return Files.createDirectories(workFolder.resolve(EventLog.FOLDER));
        } catch (IOException e) {
            throw FileFaults.of("cannot prepare the event log folder", workFolder, e);
        }
    }

    /** Where a batch keeps its replications' values for the outputs while it runs (see {@link ReplicationStore}). */
    static final String VALUES = "values";

    /**
     * A summary of the batch's scenarios that keeps their replications on disk, in the working
     * folder's {@code values/} (removed with it) or, without one, in the system's temporary folder.
     */
    static BatchSummary summary(Path workFolder, List<String> scenarios, boolean paired) {
        return BatchSummary.onDisk(scenarios, paired,
                workFolder != null ? workFolder.resolve(VALUES) : Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Deletes a working folder once its batch's outputs are safely written. */
    public static void forget(Path workFolder) {
        try {
            forgetValues(workFolder);
            Files.deleteIfExists(workFolder.resolve(Study.JOURNAL));
            Files.deleteIfExists(workFolder.resolve(Study.BATCH));
            EventLogFiles.forget(workFolder);
            Files.deleteIfExists(workFolder);
        } catch (IOException e) {
            throw FileFaults.of("cannot remove the working folder", workFolder, e);
        }
    }
}
