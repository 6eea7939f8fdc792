package org.caseload.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Asserts two output folders hold the same files with the same bytes. */
final class SameFiles {
    private SameFiles() {
    }

    static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    static void assertSame(Path expected, Path actual) throws IOException {
        List<String> files = listing(expected);
        assertTrue(files.contains("report.html") || files.stream().anyMatch(f -> f.endsWith("/report.html")), files.toString());
        assertEquals(files, listing(actual), "different files");
        for (String f : files) {
            assertEquals(-1, Files.mismatch(expected.resolve(f), actual.resolve(f)), f + " differs");
        }
    }
}
