package org.caseload.api;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
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
 * {@code events/} (event logs, if asked for), kept until the outputs are written, and {@code lock}:
 * one process at a time opens the folder, and holds it until the outputs are written and the folder
 * removed, the batch fails, or the process ends (see {@link BatchLock}). Another process aiming at
 * the same folder meanwhile (a second run into the same --out, a --resume of a batch still running)
 * is refused before it touches anything.
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

    /** Whether a working folder holds a batch's record (its lock file alone is none). */
    public static boolean hasRecord(Path workFolder) {
        return Files.exists(workFolder.resolve(Study.BATCH));
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

    /**
     * Opens the journal of this batch in the working folder, starting a new one if the folder held
     * another batch, and records {@code startedIn} (null: the current folder) as the folder the batch
     * started in ({@link StartedIn}). Takes the folder for this process first: a user mistake (exit 2)
     * if another process holds it, and then nothing in it is touched.
     */
    public static Journal open(Path workFolder, BatchSpec spec, Path startedIn) {
        hold(workFolder);
        try {
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
            StartedIn.record(workFolder, startedIn);
            return Journal.open(workFolder.resolve(Study.JOURNAL), spec);
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

    /**
     * Takes the working folder (creating it) for this process until {@link #forget}, {@link #failed}
     * or the end of the process: a user mistake (exit 2) if another process holds it.
     */
    static void hold(Path workFolder) {
        BatchLock.take(workFolder);
    }

    /**
     * Deletes a working folder once its batch's outputs are safely written, and lets go of it. A
     * folder this process does not hold is taken first: refused (exit 2) while another process holds it.
     */
    public static void forget(Path workFolder) {
        if (!Files.exists(workFolder) && !BatchLock.held(workFolder)) return;
        hold(workFolder);
        try {
            forgetValues(workFolder);
            StartedIn.forget(workFolder);
            Files.deleteIfExists(workFolder.resolve(Study.JOURNAL));
            Files.deleteIfExists(workFolder.resolve(Study.BATCH));
            EventLogFiles.forget(workFolder);
        } catch (IOException e) {
            BatchLock.release(workFolder);
            throw FileFaults.of("cannot remove the working folder", workFolder, e);
        }
        letGo(workFolder);
    }

    /**
     * The batch failed by itself (not killed): the folder is let go of, and removed unless
     * {@code keepRecord} (a record from an earlier, killed run, kept for another --resume). Best
     * effort; nothing at all is done to a folder this process does not hold (another's batch).
     */
    public static void failed(Path workFolder, boolean keepRecord) {
        if (!BatchLock.held(workFolder)) return;
        if (keepRecord) {
            BatchLock.release(workFolder);
            return;
        }
        try {
            forgetValues(workFolder);
            EventLogFiles.forget(workFolder);
            try (var files = Files.list(workFolder)) {
                for (Path f : files.toList()) {
                    if (!f.getFileName().toString().equals(BatchLock.FILE)) Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: what remains is an ordinary record that --resume or a new run takes over
        }
        try {
            letGo(workFolder);
        } catch (RuntimeException e) {
            // as above
        }
    }

    /**
     * Deletes the lock file while still holding it (so that no other process can lock it meanwhile,
     * see {@link BatchLock}), lets go, and removes the folder if nothing else is left in it.
     */
    static void letGo(Path workFolder) {
        try {
            Files.deleteIfExists(workFolder.resolve(BatchLock.FILE));
        } catch (IOException e) {
            // an empty lock file left behind stops nobody
        } finally {
            BatchLock.release(workFolder);
        }
        try {
            Files.deleteIfExists(workFolder);
        } catch (DirectoryNotEmptyException takenAgain) {
            // another run has just taken the folder for its own batch, or a file was left above
        } catch (IOException e) {
            throw FileFaults.of("cannot remove the working folder", workFolder, e);
        }
    }
}
