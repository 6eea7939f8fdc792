package org.caseload.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.caseload.BuildId;
import org.caseload.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {
    /**
     * manifest.json named only the version (0.1.0), which does not change with the model, so a
     * results folder could not say which build made it; it now records the build beside the
     * version, the identity a batch record carries.
     */
    @Test
    void theManifestRecordsTheBuildBesideTheVersion(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("manifest.json");
        new Manifest("run", 3, 20).write(file);
        JsonNode m = new ObjectMapper().readTree(file.toFile());
        assertEquals(Version.VERSION, m.get("version").asText());
        assertEquals(BuildId.current(), m.path("build").asText());
        assertTrue(BuildId.current().matches("[0-9a-f]{64}"), "the tests run from built classes: " + BuildId.current());
        List<String> fields = new ArrayList<>();
        m.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("tool", "version", "build", "command"), fields.subList(0, 4));
    }
}
