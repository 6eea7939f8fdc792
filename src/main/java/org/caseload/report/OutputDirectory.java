package org.caseload.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.caseload.fault.EnvironmentException;
import org.caseload.fault.FileFaults;
import org.caseload.fault.InputException;
import org.caseload.fault.Text;

/**
 * An output folder that appears complete or not at all, written only where
 * {@link OutputRules} allows. Files are written into a hidden temporary sibling
 * ({@code .NAME.partial-pidPID-…}), which replaces the target only on {@link #commit()}.
 * Closing without committing, an exception, Ctrl-C or SIGTERM ({@link Cleanups}) delete the
 * temporary folder. A temporary folder left by a killed process ({@code kill -9}) is
 * removed by the next run of the same name, once its process is provably gone: the PID in
 * its name is not alive and nobody holds the lock file inside it.
 *
 * <p>A failure of the machine while creating, writing or moving (read-only file system,
 * disk full, permission denied, a file where a folder should be, a name too long) becomes
 * an {@link EnvironmentException} naming the path and the operating system's reason.
 */
public final class OutputDirectory implements AutoCloseable {
    private static final String PARTIAL = ".partial-pid";
    private static final String OLD = ".old-pid";
    private static final String LOCK = ".lock";
    private static final Pattern LEFTOVER = Pattern.compile("\\.(partial|old)-pid(\\d{1,18})-.*");

    /** Something that writes the results files into a folder. */
    @FunctionalInterface
    public interface Filler {
        void fill(Path dir) throws IOException;
    }

    private final Path given;
    private final Path target;
    /** Set once, under this object's lock, after its cleanup is in place (null until then). */
    private Path temp;
    private final Collection<Path> inputs;
    private final PrintWriter notices;
    /** Folders created for the target's parent, outermost first; removed again if nothing is committed. */
    private List<Path> createdParents = List.of();
    private FileChannel lockChannel;
    private FileLock lock;
    private Runnable cleanup;
    private boolean committed;
    private boolean abandoned;

    private OutputDirectory(Path given, Path target, Collection<Path> inputs, PrintWriter notices) {
        this.given = given;
        this.target = target;
        this.inputs = List.copyOf(inputs);
        this.notices = notices;
    }

    /** {@link #open(Path, Collection, PrintWriter)} with no input files to protect and notices on standard error. */
    public static OutputDirectory create(Path target) {
        return open(target, List.of(), null);
    }

    /**
     * Only the rules of {@link OutputRules}, for a command that opens its folder after a
     * long computation: refuses early (exit 2) what {@link #open} would refuse later.
     */
    public static void check(Path given, Collection<Path> inputs) {
        OutputRules.check(given, inputs);
    }

    /**
     * Checks the target against {@link OutputRules} (exit 2 if refused), removes stale
     * temporary folders of the same name, and creates this run's temporary folder. Call it
     * before simulating, so a refused or unwritable folder costs nothing.
     *
     * @param given   the output folder as the user wrote it
     * @param inputs  the command's input files: no folder holding one is ever replaced
     * @param notices where to say that earlier results are replaced (null: standard error)
     */
    public static OutputDirectory open(Path given, Collection<Path> inputs, PrintWriter notices) {
        OutputRules.check(given, inputs);
        Path target = given.toAbsolutePath().normalize();
        OutputDirectory od = new OutputDirectory(given, target, inputs, notices);
        // The cleanup is in place before anything is created, and creating takes the lock the
        // cleanup takes: a signal at any moment (the hostile suite sends one as soon as the temporary
        // folder appears) leaves nothing behind.
        od.cleanup = od::abandon;
        Cleanups.ON_EXIT.add(od.cleanup);
        try {
            od.createFolders();
            return od;
        } catch (IOException e) {
            od.close();
            // Name the folder the user asked for, not the long temporary name beside it.
            throw new EnvironmentException("cannot create the output folder " + Text.oneLine(target.toString()) + ": "
                    + FileFaults.reason(e), e);
        } catch (RuntimeException | Error e) {
            od.close();
            throw e;
        }
    }

    /** Creates the missing parents and this run's temporary folder, unless the process is already shutting down. */
    private synchronized void createFolders() throws IOException {
        if (abandoned) throw new IllegalStateException("shutting down");
        Path parent = target.getParent();
        createdParents = createParents(parent, target);
        removeStaleLeftovers(parent, target.getFileName().toString());
        temp = Files.createTempDirectory(parent, "." + target.getFileName() + PARTIAL + ProcessHandle.current().pid() + "-");
        lock();
    }

    /** Where to write files until commit. */
    public Path path() {
        return temp;
    }

    /** The target as an absolute path. */
    public Path target() {
        return target;
    }

    /** The target as the user wrote it, for messages. */
    public Path requested() {
        return given;
    }

    /**
     * Runs {@code filler} on the temporary folder. A failure to write (disk full,
     * read-only, permission) becomes an {@link EnvironmentException}; nothing is committed.
     */
    public void write(Filler filler) {
        try {
            filler.fill(temp);
        } catch (IOException e) {
            throw FileFaults.of("cannot write results to", target, e);
        } catch (UncheckedIOException e) {
            throw FileFaults.of("cannot write results to", target, e.getCause());
        }
    }

    /**
     * Replaces the target with the finished folder, whose manifest now lists its files. The
     * rules are checked again, because the target may have changed during a long run; earlier
     * caseload results are moved aside, replaced, then deleted, and the replacement is announced.
     *
     * <p>Between that check and the moves, no other caseload command aimed at the same --out acts
     * on the target: each holds the lock of its --out ({@code .NAME.resume/lock}, taken in the api
     * and cli layers, the library's writers included) until it has committed (serve's what-if
     * folders, each new and named by its process, take none). Another program can, and what it does is caught where it can be: a
     * folder created at an absent target makes the move fail (unless empty), a file added to an
     * empty one makes its deletion fail, and earlier results are read again once moved aside, so
     * anything else found there is put back, not deleted ({@link #replaceEarlier}). What remains
     * open: a program that already has the folder open (a shell inside it) can still write into it
     * after that second reading and before it is deleted, and a folder it puts at the target
     * between the two moves stops the new results going in (exit 3).
     */
    public synchronized void commit() {
        if (abandoned) throw new IllegalStateException("output folder already abandoned");
        OutputRules.State state = OutputRules.check(given, inputs);
        unlock();
        try {
            Manifest.recordFiles(temp);
        } catch (IOException e) {
            throw FileFaults.of("cannot write results to", target, e);
        }
        try {
            relaxPermissions(temp);
            switch (state) {
                case ABSENT -> move(temp, target);
                case EMPTY -> {
                    Files.delete(target);
                    move(temp, target);
                }
                case EARLIER_RESULTS -> replaceEarlier();
            }
            committed = true;
        } catch (IOException e) {
            throw FileFaults.of("cannot move the results into", target, e);
        }
    }

    private void replaceEarlier() throws IOException {
        notice("caseload: replacing earlier results in " + Text.oneLine(given.toString()));
        Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + OLD + ProcessHandle.current().pid() + "-");
        Files.delete(old);
        move(target, old);
        // Read again as moved: the folder checked is not necessarily the folder that was moved.
        if (!OutputRules.onlyCaseloadResults(old)) putBack(old);
        try {
            move(temp, target);
        } catch (IOException e) {
            move(old, target);
            throw e;
        }
        try {
            deleteTree(old);
        } catch (IOException | UncheckedIOException e) {
            notice("caseload: warning: could not delete the earlier results moved to " + Text.oneLine(old.toString())
                    + "; the next run of this name removes them");
        }
    }

    /**
     * A folder moved aside to be replaced that is no longer caseload's results alone (changed by
     * another program since it was checked) goes back where it was and the commit is refused (exit
     * 2); if another folder has taken its place meanwhile, it is kept under a name no run removes.
     */
    private void putBack(Path old) throws IOException {
        String shown = "output folder '" + Text.oneLine(given.toString()) + "'";
        try {
            move(old, target);
        } catch (IOException taken) {
            Path kept = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".kept-");
            Files.delete(kept);
            move(old, kept);
            throw new EnvironmentException(shown + " changed while caseload was replacing it and another folder took its place; "
                    + "what was there is now in " + Text.oneLine(kept.toString()), taken);
        }
        throw new InputException(shown + " changed while caseload was replacing it: it holds files caseload did not write, "
                + "and is left as it is; look at it and run again, or choose another --out");
    }

    private void notice(String line) {
        PrintWriter w = notices != null ? notices : new PrintWriter(System.err, true);
        w.println(line);
        w.flush();
    }

    @Override
    public void close() {
        abandon();
        Cleanups.ON_EXIT.remove(cleanup);
    }

    /**
     * Closes each of {@code folders}, the last opened first: the parents created for the first
     * (those of a run's scenario folders, {@code R} of {@code R/NAME}) are then empty, and removed.
     */
    public static void closeAll(List<OutputDirectory> folders) {
        for (int i = folders.size() - 1; i >= 0; i--) folders.get(i).close();
    }

    /** Deletes the temporary folder unless committed; also what is done on Ctrl-C or SIGTERM. */
    private synchronized void abandon() {
        if (committed || abandoned) return;
        abandoned = true;
        unlock();
        // A writer may still be adding files while a signal's cleanup runs; a few passes catch them.
        for (int attempt = 0; attempt < 3 && temp != null && Files.exists(temp, LinkOption.NOFOLLOW_LINKS); attempt++) {
            try {
                deleteTree(temp);
            } catch (IOException | UncheckedIOException e) {
                // try again; whatever remains is removed as stale by the next run of this name
            }
        }
        removeEmpty(createdParents);
    }

    /**
     * The lock tells a later run that this temporary folder is alive even when PIDs cannot
     * be compared (another PID namespace); the kernel releases it when the process dies.
     */
    private void lock() {
        try {
            lockChannel = FileChannel.open(temp.resolve(LOCK), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            // a file system without locks: the PID in the name still protects a live run
        }
    }

    private void unlock() {
        try {
            if (lock != null) lock.release();
            if (lockChannel != null) lockChannel.close();
            if (temp != null) Files.deleteIfExists(temp.resolve(LOCK));
        } catch (IOException e) {
            // the lock dies with the process anyway
        } finally {
            lock = null;
            lockChannel = null;
        }
    }

    /** Removes {@code .NAME.partial-pidP-…} and {@code .NAME.old-pidP-…} folders whose process is gone. */
    static void removeStaleLeftovers(Path parent, String name) throws IOException {
        String prefix = "." + name;
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> entries = Files.list(parent)) {
            entries.forEach(p -> {
                String file = p.getFileName().toString();
                if (!file.startsWith(prefix)) return;
                Matcher m = LEFTOVER.matcher(file.substring(prefix.length()));
                if (m.matches() && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && provablyStale(p, Long.parseLong(m.group(2)))) {
                    stale.add(p);
                }
            });
        }
        for (Path p : stale) {
            try {
                deleteTree(p);
            } catch (IOException | UncheckedIOException e) {
                // another run may be removing it at the same moment; it is not ours to insist on
            }
        }
    }

    static boolean provablyStale(Path dir, long pid) {
        if (pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) return false;
        Path lockFile = dir.resolve(LOCK);
        if (!Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)) return true;
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) return false;
            l.release();
            return true;
        } catch (IOException | OverlappingFileLockException e) {
            return false;
        }
    }

    /** Creates the parent folders, returning those that did not exist (outermost first). */
    private static List<Path> createParents(Path parent, Path target) {
        List<Path> missing = new ArrayList<>();
        for (Path p = parent; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) missing.add(0, p);
        try {
            Files.createDirectories(parent);
            return missing;
        } catch (IOException e) {
            removeEmpty(missing);
            Path existing = parent;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) existing = existing.getParent();
            String why = existing != null && !Files.isDirectory(existing)
                    ? Text.oneLine(existing.toString()) + " is a file, not a folder"
                    : (e instanceof java.nio.file.FileSystemException f && f.getFile() != null ? Text.oneLine(f.getFile()) + ": " : "")
                            + FileFaults.reason(e);
            throw new EnvironmentException("cannot create the output folder " + Text.oneLine(target.toString()) + ": " + why, e);
        }
    }

    /** Deletes the given folders, innermost first, while they are empty. */
    private static void removeEmpty(List<Path> folders) {
        for (int i = folders.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(folders.get(i));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Temporary folders are created owner-only; a results folder is an ordinary, shareable one. */
    private static void relaxPermissions(Path dir) throws IOException {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) return;
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes a folder this class created; never follows symbolic links out of it. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
