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
    void inheritedValuesNameTheParentFileAndLineInErrors(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("base.yaml"), "name: base\narrivals:\n  rate_per_month: lots\n");
        Files.writeString(dir.resolve("child.yaml"), "extends: base.yaml\nname: child\n");
        MapNode t = ScenarioFiles.resolve(dir.resolve("child.yaml"), List.of());
        ScenarioException e = assertThrows(ScenarioException.class, () -> MapReader.root(t).map("arrivals").number("rate_per_month"));
        assertEquals(dir.resolve("base.yaml").normalize() + ":3:19: arrivals.rate_per_month: expected a number, got 'lots'", e.getMessage());
    }

    @Test
    void threeLevelsMergeInOrder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "x: 1\ny: 1\nz: 1\n");
        Files.writeString(dir.resolve("b.yaml"), "extends: a.yaml\ny: 2\nz: 2\n");
        Files.writeString(dir.resolve("c.yaml"), "extends: b.yaml\nz: 3\n");
        assertEquals("{\"x\":1,\"y\":2,\"z\":3}", ScenarioFiles.resolve(dir.resolve("c.yaml"), List.of()).toJson().toString());
    }

    @Test
    void missingExtendsFileIsReportedAtTheExtendsValue(@TempDir Path dir) throws IOException {
        Path child = dir.resolve("leeds-cut-10.yaml");
        Files.writeString(child, "extends: nope.yaml\nname: child\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.resolve(child, List.of()));
        assertEquals(child + ":1:10: extends: file 'nope.yaml' not found (looked for "
                + dir.resolve("nope.yaml").toAbsolutePath().normalize() + ")", e.getMessage());
    }

    @Test
    void longerCycleNamesTheChainAndTheLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "extends: b.yaml\n");
        Files.writeString(dir.resolve("b.yaml"), "name: b\nextends: c.yaml\n");
        Files.writeString(dir.resolve("c.yaml"), "# c\n\nextends: a.yaml\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.resolve(dir.resolve("a.yaml"), List.of()));
        assertEquals(3, e.source().line(), e.getMessage());
        assertTrue(e.source().file().endsWith("c.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("a cycle: "), e.getMessage());
        assertTrue(e.getMessage().matches(".*a\\.yaml -> .*b\\.yaml -> .*c\\.yaml -> .*a\\.yaml\\)"), e.getMessage());
    }

    @Test
    void extendsMustBeAFileName(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("s.yaml"), "extends: [a.yaml]\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.resolve(dir.resolve("s.yaml"), List.of()));
        assertEquals("extends", e.field());
        assertTrue(e.getMessage().endsWith("expected the path of another scenario file, got a list"), e.getMessage());
    }

    @Test
    void overrideCanChangeAnInheritedValue(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("base.yaml"), "pathways:\n  rehab:\n    capacity: {places: 30}\n");
        Files.writeString(dir.resolve("child.yaml"), "extends: base.yaml\n");
        MapNode t = ScenarioFiles.resolve(dir.resolve("child.yaml"), List.of("pathways.rehab.capacity.places=40"));
        assertEquals(40, t.toJson().at("/pathways/rehab/capacity/places").asInt());
    }

    @Test
    void overrideValuesInferTheirKind(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("s.yaml"), "a: x\nb: x\nc: x\nd: x\ne: x\nf: x\n");
        MapNode t = ScenarioFiles.resolve(dir.resolve("s.yaml"),
                List.of("a=true", "b=-2.5e1", "c=null", "d=Leeds cut", "e=NaN", "f=0X10"));
        assertEquals(ScalarNode.Kind.BOOLEAN, ((ScalarNode) t.get("a")).kind());
        assertEquals(ScalarNode.Kind.NUMBER, ((ScalarNode) t.get("b")).kind());
        assertEquals(-25.0, MapReader.root(t).number("b"));
        assertEquals(ScalarNode.Kind.NULL, ((ScalarNode) t.get("c")).kind());
        assertEquals("Leeds cut", ((ScalarNode) t.get("d")).text());
        assertEquals(ScalarNode.Kind.STRING, ((ScalarNode) t.get("e")).kind(), "NaN is not a usable number");
        assertEquals(ScalarNode.Kind.STRING, ((ScalarNode) t.get("f")).kind(), "0X10 is text, in YAML as here");
        // 0x10 and 0b101, numbers to YAML, are refused here as in a file (YamlTreeTest), not taken as text.
        ScenarioException hex = assertThrows(ScenarioException.class,
                () -> ScenarioFiles.resolve(dir.resolve("s.yaml"), List.of("f=0x10")));
        assertEquals("--set: f: write numbers in decimal: '0x10' is the hexadecimal number 16", hex.getMessage());
        // YAML's infinities and NaN, refused in a file, are refused here too, not taken as text (a name of '.inf').
        for (String special : List.of(".inf", "-.Inf", "+.INF", ".nan", ".NaN")) {
            ScenarioException e = assertThrows(ScenarioException.class,
                    () -> ScenarioFiles.resolve(dir.resolve("s.yaml"), List.of("d=" + special)), special);
            assertEquals("--set: d: '" + special + "' is not a usable number (infinite or NaN)", e.getMessage());
        }
        ScenarioException binary = assertThrows(ScenarioException.class,
                () -> ScenarioFiles.resolve(dir.resolve("s.yaml"), List.of("f=0b101")));
        assertEquals("--set: f: write numbers in decimal: '0b101' is the binary number 5", binary.getMessage());
    }

    /**
     * --set kept a whole number as written, so -0 read as -0.0 where a file's -0 reads 0.0, and
     * +5 stayed '+5' (a file: '5'): every number a --set gives now reads as the file's would.
     */
    @Test
    void overrideReadsEveryNumberAsAFileDoes(@TempDir Path dir) throws IOException {
        for (String written : List.of("-0", "+0", "+5", "-5", "0", "1e3", ".5", "5.", "+.5", "-0.0", "1E-3", "12345678901234567890")) {
            Files.writeString(dir.resolve("s.yaml"), "f: " + written + "\n");
            ScalarNode inFile = (ScalarNode) ScenarioFiles.resolve(dir.resolve("s.yaml"), List.of()).get("f");
            Files.writeString(dir.resolve("s.yaml"), "f: 1\n");
            ScalarNode bySet = (ScalarNode) ScenarioFiles.resolve(dir.resolve("s.yaml"), List.of("f=" + written)).get("f");
            assertEquals(ScalarNode.Kind.NUMBER, inFile.kind(), written);
            assertEquals(inFile.text(), bySet.text(), written);
            assertEquals(inFile.toJson(), bySet.toJson(), written);
            assertEquals(Double.doubleToLongBits(Double.parseDouble(inFile.text())), Double.doubleToLongBits(Double.parseDouble(bySet.text())), written);
        }
    }

    /** --set read 010 as 10 and 08 as 8 (a file refuses the one and reads the other as text), and 1_000 as text (a file: 1000). */
    @Test
    void overrideRefusesANumberReadersCouldTakeTwoWaysAsAFileDoes(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("s.yaml"), "f: 1\n");
        Path f = dir.resolve("s.yaml");
        assertEquals("--set: f: write numbers without a leading zero: '010' could mean 10 or the octal number 8",
                overrideError(f, "f=010").getMessage());
        assertEquals("--set: f: write numbers without a leading zero: '-010' could mean -10 or the octal number -8",
                overrideError(f, "f=-010").getMessage());
        assertEquals("--set: f: write numbers without a leading zero: write '08' as 8", overrideError(f, "f=08").getMessage());
        assertEquals("--set: f: write numbers without a leading zero: write '00.5' as 0.5", overrideError(f, "f=00.5").getMessage());
        assertEquals("--set: f: write numbers without underscores: write '1_000' as 1000", overrideError(f, "f=1_000").getMessage());
        for (String plain : List.of("0", "0.5", ".5", "5.", "1e3", "1E-3", "10")) {
            assertEquals(ScalarNode.Kind.NUMBER, ((ScalarNode) ScenarioFiles.resolve(f, List.of("f=" + plain)).get("f")).kind(), plain);
        }
    }

    @Test
    void overrideMistakes(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("s.yaml"), """
                arrivals:
                  rate_per_month: 183
                budget:
                  changes:
                    - {from_month: 12, change_pct: -10}
                """);
        Path f = dir.resolve("s.yaml");
        assertEquals("--set: arrivals.rate_per_mnth: no field 'rate_per_mnth' at 'arrivals.rate_per_mnth'; did you mean 'rate_per_month'?",
                overrideError(f, "arrivals.rate_per_mnth=3").getMessage());
        assertEquals("--set: budget.changes.1.change_pct: index 1 is out of range: the list has 1 element(s)",
                overrideError(f, "budget.changes.1.change_pct=3").getMessage());
        assertEquals("--set: budget.changes.first.change_pct: 'budget.changes' is a list: use a number (0, 1, ...), not 'first'",
                overrideError(f, "budget.changes.first.change_pct=3").getMessage());
        assertEquals("--set: arrivals: is a section, not a single value; --set can only change single values",
                overrideError(f, "arrivals=3").getMessage());
        assertEquals("--set: budget.changes: is a list, not a single value; --set can only change single values",
                overrideError(f, "budget.changes=3").getMessage());
        assertEquals("--set: arrivals.rate_per_month.x: 'arrivals.rate_per_month' is a single value; it has no field 'x'",
                overrideError(f, "arrivals.rate_per_month.x=3").getMessage());
        ScenarioException noEquals = overrideError(f, "arrivals.rate_per_month");
        assertEquals(Source.COMMAND_LINE, noEquals.source());
        assertTrue(noEquals.getMessage().startsWith("--set: arrivals.rate_per_month: expected PATH=VALUE"), noEquals.getMessage());
        assertTrue(overrideError(f, "=3").getMessage().contains("expected PATH=VALUE"));
    }

    private static ScenarioException overrideError(Path file, String override) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.resolve(file, List.of(override)));
        assertEquals(Source.COMMAND_LINE, e.source(), e.getMessage());
        return e;
    }

    @Test
    void overridesApplyInOrderAndLeaveTheOriginalTreeUnchanged(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("s.yaml"), "a: 1\n");
        MapNode original = YamlTree.load(dir.resolve("s.yaml"), "s.yaml");
        MapNode changed = ScenarioFiles.override(ScenarioFiles.override(original, "a=2"), "a=3");
        assertEquals("3", ((ScalarNode) changed.get("a")).text());
        assertEquals("1", ((ScalarNode) original.get("a")).text());
    }
}
