package org.caseload.fault;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Turns a failed file operation into an {@link EnvironmentException} (exit 3): one line
 * naming the path and the operating system's reason ("Read-only file system", "No space
 * left on device", "File name too long", "permission denied"). Used where files are
 * written or moved, so the fault is classified by its type, where it happens.
 */
public final class FileFaults {
    private FileFaults() {
    }

    /**
     * @param doing    what was being done, e.g. "cannot write results to"
     * @param fallback the path to name when the exception does not carry one
     */
    public static EnvironmentException of(String doing, Path fallback, IOException e) {
        String file = e instanceof FileSystemException fse && fse.getFile() != null ? fse.getFile() : String.valueOf(fallback);
        return new EnvironmentException(doing + " " + Text.oneLine(file) + ": " + reason(e), e);
    }

    /** The operating system's reason, without the path Java puts in front of it. */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null && !fse.getReason().isBlank()) return fse.getReason();
        if (e instanceof AccessDeniedException) return "Permission denied";
        if (e instanceof NoSuchFileException) return "No such file or directory";
        if (e instanceof FileAlreadyExistsException) return "a file of that name is in the way";
        if (e instanceof NotDirectoryException) return "Not a directory";
        if (e instanceof FileSystemException) return e.getClass().getSimpleName();
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : Text.oneLine(m);
    }
}
