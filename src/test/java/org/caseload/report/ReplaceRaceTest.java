package org.caseload.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.caseload.fault.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Earlier results are replaced only as they were checked: a file another program adds to the
 * folder after the last check and before it is moved aside (here: as the replacement is
 * announced, which is between the two) is not deleted with them; the folder is put back as it is
 * and the commit refused.
 */
class ReplaceRaceTest {
    @Test
    void aFileAddedAfterTheCheckIsPutBackNotDeleted(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("A");
        try (OutputDirectory first = OutputDirectory.open(a, List.of(), new PrintWriter(new StringWriter()))) {
            Files.writeString(first.path().resolve(OutputRules.MANIFEST), "{\"tool\": \"caseload\"}");
            Files.writeString(first.path().resolve("summary.csv"), "earlier");
            first.commit();
        }
        PrintWriter meanwhile = new PrintWriter(new StringWriter()) {
            @Override
            public void println(String line) {
                try {
                    Files.writeString(a.resolve("notes.txt"), "mine");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        try (OutputDirectory second = OutputDirectory.open(a, List.of(), meanwhile)) {
            Files.writeString(second.path().resolve(OutputRules.MANIFEST), "{\"tool\": \"caseload\"}");
            Files.writeString(second.path().resolve("summary.csv"), "new");
            InputException e = assertThrows(InputException.class, second::commit);
            assertTrue(e.getMessage().contains("output folder '" + a + "' changed while caseload was replacing it"), e.getMessage());
        }
        assertEquals("mine", Files.readString(a.resolve("notes.txt")));
        assertEquals("earlier", Files.readString(a.resolve("summary.csv")));
        assertEquals(List.of("A"), names(dir), "nothing left beside the folder");
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
