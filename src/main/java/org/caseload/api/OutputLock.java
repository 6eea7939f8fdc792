package org.caseload.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.caseload.report.Cleanups;
import org.caseload.report.OutputDirectory;

/**
 * The output folder of a command that writes one without a batch record (sensitivity, warmup,
 * calibrate, merge), taken for this process from before it writes until it has committed: the
 * same lock as a batch's ({@link BatchLock}, {@code .NAME.resume/lock} beside the output folder,
 * see {@link Study#workFolderFor}), so such a command and any run, compare, psa or sweep into the
 * same folder refuse each other (exit 2) instead of interleaving. Closing it deletes the lock file,
 * the working folder unless something else is in it (a killed run's record, kept for --resume),
 * and the folders that taking it created above it, if empty: the user's folder is left as it was
 * found, whether the command succeeded or failed, or was stopped by Ctrl-C or SIGTERM ({@link
 * Cleanups}, as for the output folder's temporary folder: the last set up is undone first). Only
 * {@code kill -9} leaves the lock file, which stops nobody (see {@link BatchLock}) and goes with
 * the next command into the folder.
 */
public final class OutputLock implements AutoCloseable {
    private final Path workFolder;
    /** Folders created to take the lock, outermost first; empty when this process held the folder already. */
    private final List<Path> created;
    private final boolean taken;
    private Runnable hook;
    private boolean closed;
    /** Set by {@link #handOver}: the batch record opened in the folder lets go of it, not this. */
    private boolean handedOver;

    private OutputLock(Path workFolder, List<Path> created, boolean taken) {
        this.workFolder = workFolder;
        this.created = created;
        this.taken = taken;
    }

    /**
     * Takes the working folder of {@code outputDir} (creating it): a user mistake (exit 2) naming
     * the output folder if another process holds it, and then nothing is touched. Check the output
     * folder against the rules first ({@code OutputDirectory.check}): the lock lives beside it.
     * A folder this process already holds stays held, and closing the result then does nothing.
     */
    public static OutputLock take(Path outputDir) {
        Path work = Study.workFolderFor(outputDir);
        if (BatchLock.held(work)) return new OutputLock(work, List.of(), false);
        List<Path> missing = new ArrayList<>();
        for (Path p = work.getParent(); p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) missing.add(0, p);
        OutputLock l = new OutputLock(work, missing, true);
        // In place before the folder is created: a signal at any moment leaves nothing behind.
        l.hook = l::letGo;
        Cleanups.ON_EXIT.add(l.hook);
        try {
            l.hold();
        } catch (RuntimeException | Error e) {
            l.removeHook();
            removeEmpty(missing);
            throw e;
        }
        return l;
    }

    /**
     * Takes the working folders of several output folders (the scenario folders of a run of
     * several), in order, each as {@link #take} does: if one is refused, those already taken are
     * closed (let go of, and the folders created for them removed) before the refusal is thrown.
     */
    public static List<OutputLock> takeEach(List<Path> outputDirs) {
        List<OutputLock> taken = new ArrayList<>();
        try {
            for (Path d : outputDirs) taken.add(take(d));
            return taken;
        } catch (RuntimeException | Error e) {
            try {
                closeEach(taken);
            } catch (RuntimeException | Error alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    /**
     * The locks of what is written into {@code dir}: dir's own, then, when the files go into
     * folders of their own inside it (a run of several scenarios, {@code dir/NAME}), each of
     * those, as {@link #takeEach} takes them. dir's comes first, so that another writer of dir is
     * refused naming dir.
     */
    public static List<OutputLock> takeFor(Path dir, List<Path> folders) {
        List<Path> all = new ArrayList<>(List.of(dir));
        if (!folders.equals(all)) all.addAll(folders);
        return takeEach(all);
    }

    /** Closes each of {@code locks}, the last taken first; every one is closed even if one fails. */
    public static void closeEach(List<OutputLock> locks) {
        RuntimeException failed = null;
        for (int i = locks.size() - 1; i >= 0; i--) {
            try {
                locks.get(i).close();
            } catch (RuntimeException e) {
                if (failed == null) failed = e;
                else failed.addSuppressed(e);
            }
        }
        if (failed != null) throw failed;
    }

    /**
     * Closes {@code locks} as {@link #closeEach} does, then the output folders they held
     * ({@link OutputDirectory#closeAll}), the folders even if a lock fails to close.
     */
    public static void closeEach(List<OutputLock> locks, List<OutputDirectory> folders) {
        try {
            closeEach(locks);
        } finally {
            OutputDirectory.closeAll(folders);
        }
    }

    /** Takes the folder, unless the process is already shutting down (then its cleanup has run). */
    private synchronized void hold() {
        if (closed) throw new IllegalStateException("shutting down");
        try {
            WorkFolder.hold(workFolder);
        } catch (RuntimeException | Error e) {
            closed = true;
            throw e;
        }
    }

    /**
     * The folder is now the working folder of a batch record this process has opened in it
     * ({@link WorkFolder#open}, which found it held): the record lets go of it when its batch ends
     * ({@link WorkFolder#forget}, {@link WorkFolder#failed}), and a signal leaves it as it leaves a
     * killed run's, for --resume. Closing this, or a signal, then only removes the folders created
     * to take it, if empty.
     */
    public synchronized void handOver() {
        handedOver = true;
    }

    /** Lets go of the folder and removes what taking it created (see the class comment). */
    @Override
    public void close() {
        if (!taken) return;
        try {
            letGo();
        } finally {
            removeHook();
        }
    }

    /** What {@link #close} and a signal's cleanup do, once. */
    private synchronized void letGo() {
        if (closed) return;
        closed = true;
        try {
            if (!handedOver && BatchLock.held(workFolder)) WorkFolder.letGo(workFolder);
        } finally {
            removeEmpty(created);
        }
    }

    private void removeHook() {
        Cleanups.ON_EXIT.remove(hook);
    }

    /** Deletes the given folders, innermost first, while they are empty. */
    private static void removeEmpty(List<Path> folders) {
        for (int i = folders.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(folders.get(i));
            } catch (IOException e) {
                return; // not empty (the results, or someone else's files): kept
            }
        }
    }
}
