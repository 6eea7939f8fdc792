package org.caseload.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioFilesTest {
    @Test
    void extendsMergesDeeplyAndKeepsParentPositions(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("base.yaml"), """
                name: base
                a:
                  x: 1
                  y: 2
                list: [1, 2, 3]
                """);
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/child.yaml"), """
                extends: ../base.yaml
                name: child
                a:
                  y: 20
                list: [9]
                """);
        MapNode t = ScenarioFiles.resolve(dir.resolve("sub/child.yaml"), List.of());
        JsonNode j = t.toJson();
        assertEquals("child", j.get("name").asText());
        assertEquals(1, j.get("a").get("x").asInt());
        assertEquals(20, j.get("a").get("y").asInt());
        assertEquals(1, j.get("list").size(), "lists are replaced whole");
        assertTrue(j.get("a").get("x").isIntegralNumber());
        assertEquals(false, j.has("extends"));
        ConfigNode inherited = ((MapNode) t.get("a")).get("x");
        assertTrue(inherited.source().file().endsWith("base.yaml"), inherited.source().toString());
        assertEquals(3, inherited.source().line());
        assertEquals("a.x", inherited.path());
    }

    @Test
    void aDistributionIsReplacedWholeNotMerged(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("base.yaml"), "d: {dist: exponential, mean: 90}\n");
        Files.writeString(dir.resolve("child.yaml"), "extends: base.yaml\nd: {dist: fixed, value: 30}\n");
        JsonNode d = ScenarioFiles.resolve(dir.resolve("child.yaml"), List.of()).toJson().get("d");
        assertEquals("fixed", d.get("dist").asText());
        assertEquals(30, d.get("value").asInt());
        assertEquals(false, d.has("mean"), "the parent's mean must not linger: " + d);
    }

    @Test
    void extendsCycleIsReported(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "extends: b.yaml\nname: a\n");
        Files.writeString(dir.resolve("b.yaml"), "extends: a.yaml\nname: b\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.resolve(dir.resolve("a.yaml"), List.of()));
        assertTrue(e.getMessage().contains("a cycle"), e.getMessage());
    }

    @Test
    void overridesReplaceScalarsInMapsAndLists(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("s.yaml"), """
                name: s
                budget:
                  changes:
                    - {from_month: 12, change_pct: -10}
                flag: true
                """);
        MapNode t = ScenarioFiles.resolve(dir.resolve("s.yaml"),
                List.of("budget.changes.0.change_pct=-25", "name=other", "flag=false"));
        JsonNode j = t.toJson();
        assertEquals(-25, j.at("/budget/changes/0/change_pct").asInt());
        assertEquals(12, j.at("/budget/changes/0/from_month").asInt());
        assertEquals("other", j.get("name").asText());
        assertEquals(false, j.get("flag").asBoolean());
        ConfigNode changed = ((MapNode) ((ListNode) ((MapNode) t.get("budget")).get("changes")).items().get(0)).get("change_pct");
        assertEquals(Source.COMMAND_LINE, changed.source());
        assertEquals("budget.changes.0.change_pct", changed.path());
    }

    @Test
    void quotedNumbersAreStrings(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("s.yaml"), "n: \"300\"\nm: 300\n");
        MapNode t = YamlTree.load(dir.resolve("s.yaml"), "s.yaml");
        assertEquals(ScalarNode.Kind.STRING, ((ScalarNode) t.get("n")).kind());
        assertEquals(ScalarNode.Kind.NUMBER, ((ScalarNode) t.get("m")).kind());
        ScenarioException e = assertThrows(ScenarioException.class, () -> MapReader.root(t).number("n"));
        assertEquals("s.yaml:1:4: n: expected a number, got '300'", e.getMessage());
    }

    @Test
    void emptyFileAndNonMappingRoot(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("e.yaml"), "");
        Files.writeString(dir.resolve("l.yaml"), "- 1\n- 2\n");
        assertTrue(assertThrows(ScenarioException.class, () -> YamlTree.load(dir.resolve("e.yaml"), "e.yaml"))
                .getMessage().contains("empty"));
        assertTrue(assertThrows(ScenarioException.class, () -> YamlTree.load(dir.resolve("l.yaml"), "l.yaml"))
                .getMessage().contains("must be a mapping"));
    }

    @Test
    void suggestionsOnlyForPlausibleTypos() {
        assertEquals("rate_per_month", Suggestions.closest("rate_per_mnth", List.of("rate_per_month", "steps")).orElseThrow());
        assertEquals("horizon_months", Suggestions.closest("horizon_monhts", List.of("warmup_months", "horizon_months")).orElseThrow());
        assertTrue(Suggestions.closest("banana", List.of("rate_per_month", "steps")).isEmpty());
    }

    @Test
    void unknownKeyReportedByFinishWithSuggestion(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("s.yaml"), "alpha: 1\nbetta: 2\n");
        MapReader r = MapReader.root(YamlTree.load(dir.resolve("s.yaml"), "s.yaml"));
        r.number("alpha");
        r.number("beta", 0);
        ScenarioException e = assertThrows(ScenarioException.class, r::finish);
        assertEquals("s.yaml:2:1: betta: unknown field; did you mean 'beta'?", e.getMessage());
    }
}
