package org.caseload.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caseload.fault.FileFaults;
import org.caseload.fault.InputException;
import org.caseload.fault.Text;

/**
 * The lock that gives a working folder to one process at a time: an exclusive lock on the file
 * {@code lock} inside it, held from the moment the batch opens the folder until its outputs are
 * written and the folder removed ({@link WorkFolder#forget}), the run fails ({@link WorkFolder#failed})
 * or the process ends, however it ends: the operating system lets go of a dead process's lock, so a
 * {@code lock} file left by a killed run never stops a later run or resume. Within one process the
 * folder stays taken once taken (a program that resumes its own batch takes it again).
 *
 * <p>The holder deletes the file before it lets go, so a process that was waiting on the old file
 * can get a lock on a file no longer in the folder; each taker therefore writes its own token into
 * the file it locked and reads it back through the folder (on a channel kept open while it holds the
 * lock: closing any channel on a file lets go of the process's lock on it), and tries again if
 * another file is there.
 */
final class BatchLock {
    static final String FILE = "lock";
    /** The folders this process holds, by absolute path (guarded by the class). */
    private static final Map<Path, BatchLock> HELD = new HashMap<>();

    /** Channels that must stay open (see {@link #tryTake}). */
    private static final List<FileChannel> SAME_PROCESS = new ArrayList<>();

    private final FileChannel channel;
    private final FileLock lock;
    /** The channel the token was read back through (null without locks). */
    private final FileChannel check;

    private BatchLock(FileChannel channel, FileLock lock, FileChannel check) {
        this.channel = channel;
        this.lock = lock;
        this.check = check;
    }

    /** Takes the folder (creating it) for this process; a user mistake (exit 2) if another process holds it. */
    static synchronized void take(Path workFolder) {
        Path key = key(workFolder);
        if (HELD.containsKey(key)) return;
        try {
            BatchLock l = tryTake(key);
            if (l == null) throw new InputException(busy(key));
            HELD.put(key, l);
        } catch (IOException e) {
            throw FileFaults.of("cannot prepare the working folder", workFolder, e);
        }
    }

    /** Whether this process holds the folder. */
    static synchronized boolean held(Path workFolder) {
        return HELD.containsKey(key(workFolder));
    }

    /** Lets go of the folder (nothing if this process does not hold it); its files stay. */
    static synchronized void release(Path workFolder) {
        BatchLock l = HELD.remove(key(workFolder));
        if (l == null) return;
        try {
            if (l.lock != null) l.lock.release();
            l.channel.close();
            if (l.check != null) l.check.close();
        } catch (IOException e) {
            // the lock dies with the process anyway
        }
    }

    private static Path key(Path workFolder) {
        return workFolder.toAbsolutePath().normalize();
    }

    /** The lock, or null when another process holds it. */
    private static BatchLock tryTake(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        for (int attempt = 0; attempt < 100; attempt++) {
            Files.createDirectories(folder);
            FileChannel ch;
            try {
                ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (NoSuchFileException finishing) {
                continue; // the batch that held it removed the folder just now
            }
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                // Held in this process under another name of the folder (a link). Closing this channel
                // would let go of that lock too (POSIX locks belong to the process), so it stays open.
                SAME_PROCESS.add(ch);
                return null;
            } catch (IOException noLocks) {
                return new BatchLock(ch, null, null); // a file system without locks: unprotected, as before
            }
            if (lock == null) {
                ch.close();
                return null;
            }
            byte[] token = (ProcessHandle.current().pid() + " " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(token), 0);
            // Read back through the folder with a channel kept open while the lock is held: closing any
            // channel on the file would let go of the lock.
            FileChannel check = null;
            try {
                check = FileChannel.open(file, StandardOpenOption.READ);
                ByteBuffer there = ByteBuffer.allocate(token.length + 1);
                while (check.read(there) > 0 && there.hasRemaining()) {
                    // read it all
                }
                if (there.position() == token.length && Arrays.equals(token, Arrays.copyOf(there.array(), token.length))) {
                    return new BatchLock(ch, lock, check);
                }
            } catch (NoSuchFileException gone) {
                // removed just now: try the one there now
            }
            lock.release();
            ch.close();
            if (check != null) check.close();
        }
        throw new IOException("its lock file " + file + " keeps being replaced");
    }

    /** The refusal: names the output folder the working folder belongs to ({@code .NAME.resume} beside NAME). */
    private static String busy(Path folder) {
        String name = folder.getFileName() == null ? "" : folder.getFileName().toString();
        if (name.startsWith(".") && name.endsWith(".resume") && name.length() > ".resume".length() + 1 && folder.getParent() != null) {
            Path out = folder.resolveSibling(name.substring(1, name.length() - ".resume".length()));
            return "another caseload is writing " + Text.oneLine(out.toString()) + "; wait for it to finish or choose another --out";
        }
        return "another caseload is using the working folder " + Text.oneLine(folder.toString())
                + "; wait for it to finish or choose another folder";
    }
}
