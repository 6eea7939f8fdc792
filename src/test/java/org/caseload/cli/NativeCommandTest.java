package org.caseload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseload.Version;
import org.caseload.fault.ExitCode;
import org.caseload.schema.ScenarioSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --version comes from the build; caseload schema writes the schema, atomically. */
class NativeCommandTest {
    @Test
    void versionIsThePomVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>caseload</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find(), "project version not found in pom.xml");
        assertEquals(m.group(1), Version.VERSION);
        BadInputTest.Outcome o = BadInputTest.execute("--version");
        assertEquals(0, o.exit());
        assertEquals("caseload " + m.group(1), o.out().trim());
    }

    /** The start-up builds only the named subcommand; what the user sees must not change. */
    @Test
    void oneSubcommandCommandLineAnswersAsTheFullOne() {
        assertEquals(java.util.Set.of("run"), Main.commandLine(new String[] {"run", "x.yaml"}).getSubcommands().keySet());
        assertEquals(13, Main.commandLine(new String[] {"rn"}).getSubcommands().size());
        assertEquals(13, Main.commandLine(new String[] {"--help"}).getSubcommands().size());
        for (String[] args : new String[][] {{"run", "--help"}, {"compare", "--bogus"}, {"sweep", "--help"}, {"rn", "x"},
                {"--help"}, {"merge"}}) {
            java.io.StringWriter fullOut = new java.io.StringWriter();
            java.io.StringWriter fullErr = new java.io.StringWriter();
            java.io.StringWriter oneOut = new java.io.StringWriter();
            java.io.StringWriter oneErr = new java.io.StringWriter();
            int full = Main.commandLine().setOut(new java.io.PrintWriter(fullOut)).setErr(new java.io.PrintWriter(fullErr))
                    .execute(args);
            int one = Main.commandLine(args).setOut(new java.io.PrintWriter(oneOut)).setErr(new java.io.PrintWriter(oneErr))
                    .execute(args);
            String what = String.join(" ", args);
            assertEquals(full, one, what);
            assertEquals(fullOut.toString(), oneOut.toString(), what);
            assertEquals(fullErr.toString(), oneErr.toString(), what);
            assertFalse(fullOut.toString().isEmpty() && fullErr.toString().isEmpty(), what);
        }
    }

    @Test
    void schemaToStandardOutputAndToAFile(@TempDir Path dir) throws IOException {
        BadInputTest.Outcome o = BadInputTest.execute("schema");
        assertEquals(0, o.exit(), o.err());
        assertEquals(ScenarioSchema.build(), new ObjectMapper().readTree(o.out()));

        Path file = dir.resolve("caseload.schema.json");
        assertEquals(0, BadInputTest.execute("schema", "--output", file.toString()).exit());
        assertEquals(ScenarioSchema.build(), new ObjectMapper().readTree(file.toFile()));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "temporary file left behind");
        }

        BadInputTest.Outcome bad = BadInputTest.execute("schema", "--output", dir.resolve("no/such/dir/s.json").toString());
        assertEquals(ExitCode.INPUT, bad.exit());
        assertFalse(bad.err().contains("\tat "), bad.err());
    }

    @Test
    void serveRefusesBadOptionsWithOneLine(@TempDir Path dir) {
        BadInputTest.Outcome noFolder = BadInputTest.execute("serve", dir.resolve("nowhere").toString(), "--port", "0");
        assertEquals(ExitCode.INPUT, noFolder.exit());
        assertTrue(noFolder.err().contains("scenario folder"), noFolder.err());
        BadInputTest.Outcome badPort = BadInputTest.execute("serve", "--port", "70000");
        assertEquals(ExitCode.INPUT, badPort.exit());
        assertTrue(badPort.err().contains("--port must be between 0 and 65535"), badPort.err());
        BadInputTest.Outcome empty = BadInputTest.execute("serve", dir.toString(), "--port", "0");
        assertEquals(ExitCode.INPUT, empty.exit());
        assertTrue(empty.err().contains("no valid scenario"), empty.err());
        assertFalse(empty.err().contains("\tat "), empty.err());
    }
}
