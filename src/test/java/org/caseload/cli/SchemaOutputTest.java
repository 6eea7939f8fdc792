package org.caseload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caseload schema --output} replaces only a schema it wrote, never another file. */
class SchemaOutputTest {
    @Test
    void aFileThatIsNotASchemaIsLeftUntouched(@TempDir Path dir) throws IOException {
        Path scenario = dir.resolve("leeds.yaml");
        Files.writeString(scenario, "name: mine\n");
        BadInputTest.Outcome o = BadInputTest.execute("schema", "--output", scenario.toString());
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.err().contains("is not a schema caseload wrote"), o.err());
        assertEquals("name: mine\n", Files.readString(scenario));
    }

    @Test
    void aSchemaItWroteIsReplaced(@TempDir Path dir) throws IOException {
        Path schema = dir.resolve("caseload.schema.json");
        assertEquals(0, BadInputTest.execute("schema", "--output", schema.toString()).exit());
        String first = Files.readString(schema);
        // An older schema of caseload's (still its own: same title) is replaced by this version's.
        Files.writeString(schema, first.replace("A caseload scenario file", "An older caseload scenario file"));
        assertFalse(first.equals(Files.readString(schema)), "the edit must change the file");
        BadInputTest.Outcome again = BadInputTest.execute("schema", "--output", schema.toString());
        assertEquals(0, again.exit(), again.err());
        assertEquals(first, Files.readString(schema));
    }
}
