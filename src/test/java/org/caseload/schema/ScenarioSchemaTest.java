package org.caseload.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.caseload.scenario.ScenarioException;
import org.caseload.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schema accepts every shipped scenario, rejects mistakes, and names the same keys as the
 * reader. scenarios/targets/ holds calibration targets files, a different format the schema
 * does not describe, so they are not checked here.
 */
class ScenarioSchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(ScenarioSchema.build());
    private static final Path LEEDS = Path.of("scenarios/leeds.yaml");

    static Stream<Path> shippedScenarios() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertTrue(list.size() >= 10, "shipped scenarios not found");
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shippedScenarios")
    void everyShippedScenarioValidates(Path file) throws IOException {
        Set<ValidationMessage> errors = SCHEMA.validate(YAML.readTree(file.toFile()));
        assertTrue(errors.isEmpty(), file + ": " + errors);
    }

    @Test
    void schemaItselfIsValidDraft07() {
        JsonSchema meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(java.net.URI.create(ScenarioSchema.DRAFT));
        assertEquals(Set.of(), meta.validate(ScenarioSchema.build()));
    }

    @Test
    void mistakesAreFlagged() throws IOException {
        ObjectNode typo = leeds();
        ((ObjectNode) typo.get("arrivals")).set("rate_per_mnth", typo.get("arrivals").get("rate_per_month"));
        assertFalse(SCHEMA.validate(typo).isEmpty(), "misspelt key accepted");

        ObjectNode deepCut = leeds();
        ObjectNode change = deepCut.withObjectProperty("budget").withArrayProperty("changes").addObject();
        change.put("from_month", 12).put("change_pct", -150);
        assertFalse(SCHEMA.validate(deepCut).isEmpty(), "a cut of 150% accepted");

        ObjectNode noPathways = leeds();
        noPathways.remove("pathways");
        assertFalse(SCHEMA.validate(noPathways).isEmpty(), "a complete scenario without pathways accepted");

        ObjectNode badDistribution = leeds();
        ((ObjectNode) badDistribution.get("assessment")).putObject("service_days").put("dist", "lognormal").put("median", 2);
        assertFalse(SCHEMA.validate(badDistribution).isEmpty(), "lognormal without sigma accepted");
    }

    @Test
    void anExtendingFileNeedsOnlyWhatItChanges() throws IOException {
        ObjectNode child = YAML.createObjectNode().put("extends", "leeds.yaml").put("name", "x");
        child.putObject("pathways").putObject("rehab").putObject("capacity").put("places", 20);
        assertEquals(Set.of(), SCHEMA.validate(child));
        ((ObjectNode) child.get("pathways").get("rehab").get("capacity")).put("placez", 20);
        assertFalse(SCHEMA.validate(child).isEmpty(), "misspelt key in an extending file accepted");
    }

    /** What the reader merges into the parent's (an episode outcome, a distribution without dist) may be given in part. */
    @Test
    void anExtendingFileMayChangeOneKeyOfAnOutcomeOrADistribution(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("child.yaml");
        Files.writeString(file, "extends: " + LEEDS.toAbsolutePath() + "\nname: child\n"
                + "assessment:\n  service_days: {mean: 2}\n"
                + "pathways:\n  rehab:\n    episodes:\n      default:\n        complete: {days: {mean: 100}}\n");
        ScenarioReader.load(file, List.of()); // the reader accepts it
        assertEquals(Set.of(), SCHEMA.validate(YAML.readTree(file.toFile())));

        Files.writeString(file, "extends: " + LEEDS.toAbsolutePath() + "\nname: child\n"
                + "assessment:\n  service_days: {dist: gamma, mean: 2}\n");
        assertFalse(SCHEMA.validate(YAML.readTree(file.toFile())).isEmpty(), "a distribution that names dist is complete");
    }

    /**
     * The reader asks for exactly the keys the schema lists, at the top level and in every
     * fixed section: a key misspelt by one letter must make the reader suggest that key, which
     * it does only for keys it asks for. (Keys the reader knows and the schema does not would
     * fail the shipped-scenario test as soon as a shipped file uses them.)
     */
    @Test
    void readerAsksForEveryKeyTheSchemaLists(@TempDir Path dir) throws IOException {
        ObjectNode complete = (ObjectNode) ScenarioSchema.build().get("definitions").get("complete");
        List<String> missed = new ArrayList<>();
        int checked = 0;
        for (String key : names(complete.get("properties"))) {
            if (key.equals("extends")) continue; // resolved by ScenarioFiles before the reader sees the tree
            checked++;
            if (!readerSuggests(dir, List.of(), key)) missed.add(key);
        }
        for (String section : List.of("arrivals", "clients", "assessment", "effects", "after_exit", "mortality", "budget")) {
            JsonNode props = complete.get("properties").get(section).get("properties");
            for (String key : names(props)) {
                checked++;
                if (!readerSuggests(dir, List.of(section), key)) missed.add(section + "." + key);
            }
        }
        assertTrue(checked > 40, "too few keys checked: " + checked);
        assertEquals(List.of(), missed, "keys in the schema that the reader does not ask for");
    }

    /** Adds {@code key + "x"} to the section at {@code path} of leeds.yaml; does the reader suggest {@code key}? */
    private static boolean readerSuggests(Path dir, List<String> path, String key) throws IOException {
        ObjectNode root = leeds();
        ObjectNode section = root;
        for (String p : path) section = (ObjectNode) section.get(p);
        // The reader looks at budget.annual_gbp only when it is there (has(), not a getter), so a
        // misspelling of it gets a suggestion only when the real key is present too.
        if (key.equals("annual_gbp")) section.put("annual_gbp", 11_500_000);
        section.put(key + "x", 1);
        Path file = dir.resolve("probe.yaml");
        YAML.writeValue(file.toFile(), root);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.load(file, List.of()));
        return e.getMessage().contains("unknown field; did you mean '" + key + "'?");
    }

    private static ObjectNode leeds() throws IOException {
        return (ObjectNode) YAML.readTree(LEEDS.toFile());
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new LinkedHashSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) out.add(it.next());
        return out;
    }
}
