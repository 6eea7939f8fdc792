package org.caseload.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An output folder that appears complete or not at all: files are written into a hidden
 * temporary sibling, which replaces the target only on {@link #commit()}. Closing without
 * committing deletes the temporary folder, so a failed run leaves nothing half-written.
 */
public final class OutputDirectory implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private boolean committed;

    private OutputDirectory(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    public static OutputDirectory create(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        try {
            Path parent = abs.getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".partial-");
            return new OutputDirectory(abs, temp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output folder next to " + abs, e);
        }
    }

    /** Where to write files until commit. */
    public Path path() {
        return temp;
    }

    public Path target() {
        return target;
    }

    /** Replaces the target folder with the finished one. */
    public void commit() {
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
                move(target, old);
            }
            relaxPermissions(temp);
            move(temp, target);
            committed = true;
            if (old != null) deleteTree(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move results into " + target, e);
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

    @Override
    public void close() {
        if (!committed) deleteTree(temp);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
