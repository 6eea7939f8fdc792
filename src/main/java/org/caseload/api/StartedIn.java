package org.caseload.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.caseload.batch.BatchSpec;
import org.caseload.fault.FileFaults;
import org.caseload.fault.InputException;
import org.caseload.fault.Text;

/**
 * The folder a batch was started in, kept in its working folder ({@code started_in}, one
 * absolute path) beside its record. The record keeps each scenario file as it was given, because
 * the outputs name it so (manifest, the command that reproduces them) and must not depend on
 * where a resume runs; a resume from another folder reads a relative one from this folder. A
 * record without it (written before it was kept) is read from the current folder.
 */
public final class StartedIn {
    static final String FILE = "started_in";

    private StartedIn() {
    }

    /** Records {@code folder} (null: the current folder) as where the batch recorded in the working folder started. */
    public static void record(Path workFolder, Path folder) {
        String text = (folder != null ? folder : Path.of("")).toAbsolutePath().normalize() + "\n";
        Path file = workFolder.resolve(FILE);
        try {
            if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) return;
            // Written aside and moved, so a kill while writing never leaves half a path.
            Path temp = workFolder.resolve(FILE + ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw FileFaults.of("cannot prepare the working folder", workFolder, e);
        }
    }

    /** The folder recorded in the working folder, or null when none is (an older record, or an unreadable one). */
    public static Path read(Path workFolder) {
        try {
            Path p = Path.of(Files.readString(workFolder.resolve(FILE), StandardCharsets.UTF_8).strip());
            return p.isAbsolute() ? p : null;
        } catch (IOException | InvalidPathException e) {
            return null;
        }
    }

    /** Removes the record of the folder (part of {@link WorkFolder#forget}). */
    static void forget(Path workFolder) throws IOException {
        Files.deleteIfExists(workFolder.resolve(FILE + ".tmp"));
        Files.deleteIfExists(workFolder.resolve(FILE));
    }

    /**
     * Where to read a scenario file of a batch started in {@code startedIn} (null: the current
     * folder): a relative one from there. The file as given when that is the current folder, so
     * messages and outputs read as in the run that started it.
     */
    public static Path locate(Path file, Path startedIn) {
        if (file.isAbsolute() || startedIn == null || startedIn.equals(Path.of("").toAbsolutePath().normalize())) return file;
        return startedIn.resolve(file).normalize();
    }

    /**
     * Refuses, naming it, a relative scenario file of a batch being resumed that is not where the
     * resume reads it: in {@code readFrom} (the folder the batch started in, as {@link #read} gives
     * it, or null for a record that does not say: the current folder). A user mistake (exit 2) said
     * before anything runs, with where the path is from.
     */
    public static void requireFound(Path workFolder, BatchSpec record, Path readFrom) {
        for (String given : record.files()) {
            Path f = Path.of(given);
            if (f.isAbsolute() || Files.exists(locate(f, readFrom))) continue;
            String start = "cannot resume the run recorded in " + workFolder + ": its scenario file '" + Text.oneLine(given) + "' is not in ";
            if (readFrom != null) {
                throw new InputException(start + Text.oneLine(readFrom.toString()) + ", the folder the run started in, to which the path is relative");
            }
            throw new InputException(start + "the current folder (" + Text.oneLine(Path.of("").toAbsolutePath().normalize().toString())
                    + "); the path is relative to the folder the run was started in: resume from that folder");
        }
    }
}
