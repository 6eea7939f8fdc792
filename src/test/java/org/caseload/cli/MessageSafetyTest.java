package org.caseload.cli;

import static org.caseload.cli.SafetySupport.LEEDS;
import static org.caseload.cli.SafetySupport.execute;
import static org.caseload.cli.SafetySupport.shortly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caseload.cli.SafetySupport.Outcome;
import org.caseload.fault.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages stay one true line: bad bytes are placed exactly, odd file names cannot break them. */
class MessageSafetyTest {
    @Test
    void aByteThatIsNotUtf8IsReportedWhereItIs(@TempDir Path dir) throws IOException {
        String text = Files.readString(LEEDS, StandardCharsets.UTF_8);
        int at = text.indexOf("description:");
        String before = text.substring(0, at) + "description: caf";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9); // "é" as Latin-1
        bytes.writeBytes(text.substring(at + "description: caf".length()).getBytes(StandardCharsets.UTF_8));
        Path bad = dir.resolve("latin1.yaml");
        Files.write(bad, bytes.toByteArray());
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = before.length() - before.lastIndexOf('\n');
        Outcome o = execute("validate", bad.toString());
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.oneCleanLine(), o.err());
        assertTrue(o.err().contains(bad + ":" + line + ":" + column + ": not UTF-8: byte 0xE9"), "expected line " + line
                + ", column " + column + " in: " + o.err());
    }

    @Test
    void aBadByteAfterMultiByteCharactersCountsCharactersNotBytes(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("x.yaml");
        byte[] head = "name: x\ndescription: £€ ".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 1];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xFF;
        Files.write(bad, all);
        Outcome o = execute("validate", bad.toString());
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.err().contains(bad + ":2:17: not UTF-8: byte 0xFF"), o.err());
    }

    @Test
    void aNewlineInAFileNameDoesNotBreakTheMessage(@TempDir Path dir) throws IOException {
        String text = Files.readString(LEEDS, StandardCharsets.UTF_8).replace("  rate_per_month: 183", "  rate_per_month: lots");
        Path odd = dir.resolve("two\nlines\u001b[31m.yaml");
        Files.writeString(odd, text, StandardCharsets.UTF_8);
        Outcome o = execute("validate", odd.toString());
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.oneCleanLine(), o.err());
        assertTrue(o.err().contains("two\\nlines\\u001b[31m.yaml:"), o.err());
        assertTrue(o.err().contains("arrivals.rate_per_month: expected a number"), o.err());
        assertTrue(!o.err().contains("\u001b"), "a terminal escape reached the terminal");
    }

    @Test
    void aNewlineInTheOutputFolderNameDoesNotBreakTheMessage(@TempDir Path dir) throws IOException {
        Path odd = Files.createDirectories(dir.resolve("their\nfolder"));
        Files.writeString(odd.resolve("notes.txt"), "mine");
        Outcome o = shortly("run", LEEDS.toString(), "--out", odd.toString());
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.oneCleanLine(), o.err());
        assertTrue(o.err().contains("their\\nfolder"), o.err());
    }

    @Test
    void oneLineEscapesOnlyControlCharacters() {
        assertEquals("plain £ text", Text.oneLine("plain £ text"));
        assertEquals("a\\nb\\rc\\td\\u0000e\\u2028f\\u007f", Text.oneLine("a\nb\rc\td\u0000e\u2028f\u007f"));
    }
}
