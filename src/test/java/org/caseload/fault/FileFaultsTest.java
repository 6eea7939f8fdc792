package org.caseload.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Each kind of failed file operation becomes one line with the path and the reason, exit 3. */
class FileFaultsTest {
    private static final Path OUT = Path.of("results/leeds");

    @Test
    void permissionDeniedNamesTheFile() {
        EnvironmentException e = FileFaults.of("cannot write results to", OUT, new AccessDeniedException("/srv/results/leeds"));
        assertEquals("cannot write results to /srv/results/leeds: Permission denied", e.getMessage());
        assertEquals(ExitCode.ENVIRONMENT, e.exitCode());
    }

    @Test
    void theOperatingSystemsReasonIsKeptWithoutJavasPrefix() {
        FileSystemException fse = new FileSystemException("/mnt/ro/x", null, "Read-only file system");
        assertEquals("cannot write results to /mnt/ro/x: Read-only file system", FileFaults.of("cannot write results to", OUT, fse).getMessage());
    }

    @Test
    void aStreamFailureWithoutAPathNamesTheOutputFolder() {
        IOException full = new IOException("No space left on device");
        assertEquals("cannot write results to results/leeds: No space left on device",
                FileFaults.of("cannot write results to", OUT, new UncheckedIOException(full).getCause()).getMessage());
    }

    @Test
    void aNewlineInThePathStaysEscaped() {
        EnvironmentException e = FileFaults.of("cannot write results to", OUT, new AccessDeniedException("/a\nb"));
        assertEquals("cannot write results to /a\\nb: Permission denied", e.getMessage());
    }
}
