package org.caseload.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlTreeTest {
    @TempDir
    Path dir;

    private MapNode load(String yaml) throws IOException {
        Files.writeString(dir.resolve("s.yaml"), yaml);
        return YamlTree.load(dir.resolve("s.yaml"), "scenarios/s.yaml");
    }

    private ScenarioException error(String yaml) throws IOException {
        Files.writeString(dir.resolve("s.yaml"), yaml);
        return assertThrows(ScenarioException.class, () -> YamlTree.load(dir.resolve("s.yaml"), "scenarios/s.yaml"));
    }

    private static ScalarNode scalar(ConfigNode map, String key) {
        return (ScalarNode) ((MapNode) map).get(key);
    }

    /**
     * What caseload writes as a scenario (calibrated.yaml, a what-if run's scenario.yaml) reads
     * back as the same tree: text that starts like a number ('08', '1_000', '.5', '-0', '0x10')
     * keeps its quotes instead of being written bare and then refused or read as a number, and
     * words YAML treats specially stay text; numbers stay numbers.
     */
    @Test
    void whatIsWrittenReadsBackAsTheSameTree() throws IOException {
        List<String> texts = List.of("08", "010", "1_000", ".5", "-0", "+5", "0x10", "1e3", "true", "null", "yes", "~", "", "leeds", "a: b", "#x");
        com.fasterxml.jackson.databind.node.ObjectNode tree = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < texts.size(); i++) tree.put("t" + i, texts.get(i));
        tree.put("whole", 300).put("fraction", 0.25).put("negative", -2.5).put("flag", true);
        String written = YamlTree.write(tree);
        MapNode back = load(written);
        for (int i = 0; i < texts.size(); i++) {
            ScalarNode t = scalar(back, "t" + i);
            assertEquals(ScalarNode.Kind.STRING, t.kind(), texts.get(i) + " in\n" + written);
            assertEquals(texts.get(i), t.text());
        }
        assertEquals(ScalarNode.Kind.NUMBER, scalar(back, "whole").kind());
        assertEquals("300", scalar(back, "whole").text());
        assertEquals(0.25, Double.parseDouble(scalar(back, "fraction").text()));
        assertEquals(-2.5, Double.parseDouble(scalar(back, "negative").text()));
        assertEquals(ScalarNode.Kind.BOOLEAN, scalar(back, "flag").kind());
        assertTrue(written.contains("t13: leeds"), "plain text is written without quotes: " + written);
    }

    @Test
    void everyNodeKnowsItsLineColumnAndPath() throws IOException {
        MapNode t = load("""
                # comment
                name: x
                arrivals:
                  rate_per_month: 183
                budget:
                  changes:
                    - {from_month: 12, change_pct: -10}
                """);
        ScalarNode rate = scalar(t.get("arrivals"), "rate_per_month");
        assertEquals(new Source("scenarios/s.yaml", 4, 19), rate.source());
        assertEquals("arrivals.rate_per_month", rate.path());
        assertEquals(new Source("scenarios/s.yaml", 4, 3), ((MapNode) t.get("arrivals")).keySource("rate_per_month"));
        ConfigNode item = ((ListNode) ((MapNode) t.get("budget")).get("changes")).items().get(0);
        ScalarNode pct = scalar(item, "change_pct");
        assertEquals("budget.changes.0.change_pct", pct.path());
        assertEquals(7, pct.source().line());
        assertEquals("", t.path());
        assertEquals("scenarios/s.yaml:4:19", rate.source().toString());
    }

    @Test
    void scalarKindsComeFromTheTokenNotTheText() throws IOException {
        MapNode t = load("""
                quoted: "300"
                number: 300
                decimal: 0.25
                flag: true
                word: yes
                empty:
                blank: ""
                tilde: ~
                signed: +1000
                """);
        assertEquals(ScalarNode.Kind.STRING, scalar(t, "quoted").kind());
        assertEquals(ScalarNode.Kind.NUMBER, scalar(t, "number").kind());
        assertEquals(ScalarNode.Kind.NUMBER, scalar(t, "decimal").kind());
        assertEquals(ScalarNode.Kind.BOOLEAN, scalar(t, "flag").kind());
        assertEquals(ScalarNode.Kind.STRING, scalar(t, "word").kind(), "yes/no are text, not booleans");
        assertEquals(ScalarNode.Kind.NULL, scalar(t, "empty").kind());
        assertEquals(ScalarNode.Kind.STRING, scalar(t, "blank").kind(), "a quoted empty string is text");
        assertEquals(ScalarNode.Kind.NULL, scalar(t, "tilde").kind());
        assertEquals("1000", scalar(t, "signed").text(), "numbers are stored as plain decimals");
    }

    @Test
    void toJsonKeepsTypesAndIntegersStayIntegral() throws IOException {
        JsonNode j = load("""
                n: 300
                big: 12345678901234567890
                d: 0.25
                f: 2.0
                s: "300"
                b: false
                z: ~
                l: [1, a, {k: 2}]
                """).toJson();
        assertTrue(j.get("n").isIntegralNumber());
        assertEquals(300, j.get("n").asInt());
        assertTrue(j.get("big").isBigInteger());
        assertEquals("12345678901234567890", j.get("big").asText());
        assertTrue(j.get("d").isDouble());
        assertEquals(0.25, j.get("d").asDouble());
        assertTrue(j.get("f").isDouble(), "a decimal stays a decimal: " + j.get("f"));
        assertTrue(j.get("s").isTextual());
        assertTrue(j.get("b").isBoolean());
        assertFalse(j.get("b").asBoolean());
        assertTrue(j.get("z").isNull());
        assertEquals("[1,\"a\",{\"k\":2}]", j.get("l").toString());
    }

    @Test
    void duplicateKeysNameBothLines() throws IOException {
        ScenarioException e = error("""
                top:
                  x: 1
                  y: 2
                  x: 3
                """);
        assertEquals("scenarios/s.yaml:4:3: top.x: duplicate field (first at line 2)", e.getMessage());
        assertEquals("top.x", e.field());
        assertEquals(4, e.source().line());
    }

    @Test
    void malformedYamlIsOneShortLineAtTheProblem() throws IOException {
        ScenarioException e = error("""
                name: x
                arrivals:
                  rate_per_month: [195
                  steps: []
                """);
        String m = e.getMessage();
        assertTrue(m.startsWith("scenarios/s.yaml:4:"), m);
        assertTrue(m.contains("malformed YAML: "), m);
        assertFalse(m.contains("at [Source"), m);
        assertFalse(m.contains("\n"), m);
        assertFalse(m.contains("org.yaml"), m);
        assertTrue(m.contains("from line 3"), "names where the unclosed list began: " + m);
    }

    @Test
    void tabIndentationIsReportedOnItsOwnLine() throws IOException {
        ScenarioException e = error("a:\n  b: 1\n\tc: 2\n");
        assertTrue(e.getMessage().startsWith("scenarios/s.yaml:3:1: malformed YAML: "), e.getMessage());
        assertTrue(e.getMessage().contains("TAB"), e.getMessage());
    }

    @Test
    void aControlCharacterIsReportedAtItsOwnLineAndColumn() throws IOException {
        // SnakeYAML refuses it while reading ahead, when the parser is still at 1:1
        assertEquals("scenarios/s.yaml:4:18: malformed YAML: special character \\u0001 is not allowed; remove it",
                error("name: x\nextends: leeds.yaml\n# hi\nhorizon_months: 1\u0001\n").getMessage());
        String farDown = "# " + "x".repeat(3000) + "\nname: x\ndescription: a \u00e9\uD83D\uDE00 b\u0007\n";
        assertEquals("scenarios/s.yaml:3:20: malformed YAML: special character \\u0007 is not allowed; remove it",
                error(farDown).getMessage(), "past SnakeYAML's first block; an emoji is one column");
    }

    @Test
    void nestingBeyondJacksonsLimitIsNamedPlainlyAtTheLevelTooDeep() throws IOException {
        String flow = "a: " + "[".repeat(1200) + "]".repeat(1200) + "\n";
        assertEquals("scenarios/s.yaml:1:1003: nested more than 1,000 levels deep", error(flow).getMessage());
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 1100; i++) block.append("  ".repeat(i)).append("b:\n");
        assertEquals("scenarios/s.yaml:1001:2001: nested more than 1,000 levels deep", error(block + "  ".repeat(1100) + "c: 1\n").getMessage());
        String json = "{\"a\": " + "[".repeat(1200) + "]".repeat(1200) + "}\n";
        assertEquals("scenarios/s.yaml:1:1006: nested more than 1,000 levels deep", error(json).getMessage(), "JSON is read as YAML");
        assertTrue(load("a: " + "[".repeat(999) + "]".repeat(999) + "\n").get("a") instanceof ListNode,
                "the root section and 999 lists inside it are within the limit");
    }

    @Test
    void aFileOverThreeMegabytesIsRefusedPlainlyBeforeItIsParsed() throws IOException {
        // Keys, not a comment, so that SnakeYAML's own limit (which skips comments) would be reached too.
        StringBuilder keys = new StringBuilder();
        for (int i = 0; keys.length() <= YamlTree.MAX_BYTES; i++) keys.append("k").append(i).append(": 1\n");
        assertEquals("scenarios/s.yaml: larger than the 3 MB caseload reads in a YAML file (3.1 MB); check it is the file meant",
                error(keys.toString()).getMessage());
        String name = "name: x\n#";
        String exactly = name + "x".repeat(YamlTree.MAX_BYTES - name.length() - 1) + "\n";
        assertEquals("x", scalar(load(exactly), "name").text(), "a file of exactly 3 MB is read");
        String oneOver = name + "x".repeat(YamlTree.MAX_BYTES - name.length()) + "\n";
        assertEquals("scenarios/s.yaml: larger than the 3 MB caseload reads in a YAML file (3.1 MB); check it is the file meant",
                error(oneOver).getMessage(), "one byte over, rounded up");
    }

    @Test
    void listUsedAsAKeyGetsAHumanMessage() throws IOException {
        ScenarioException e = error("? [a, b]\n: 1\n");
        assertEquals("scenarios/s.yaml:1:4: malformed YAML: a key must be a plain name, not a list or a section", e.getMessage());
    }

    @Test
    void emptyFilesAndNonMappingRootsAreRefused() throws IOException {
        assertEquals("scenarios/s.yaml: the file is empty", error("").getMessage());
        assertEquals("scenarios/s.yaml: the file is empty", error("# only a comment\n").getMessage());
        assertEquals("scenarios/s.yaml: the file is empty", error("---\n").getMessage());
        assertEquals("scenarios/s.yaml:1:1: a scenario file must be a mapping of fields (key: value), found a list",
                error("- 1\n- 2\n").getMessage());
        assertTrue(error("a: 1\n---\nb: 2\n").getMessage().startsWith("scenarios/s.yaml:3:1: more than one YAML document"));
    }

    @Test
    void missingFileAndDirectoryCannotBeRead() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> YamlTree.load(dir.resolve("none.yaml"), "none.yaml"));
        assertEquals("none.yaml: cannot read file: no such file", e.getMessage());
        ScenarioException d = assertThrows(ScenarioException.class, () -> YamlTree.load(dir, "scenarios"));
        assertEquals("scenarios: cannot read file: not a regular file", d.getMessage());
    }

    /**
     * YAML 1.1 read 1_000 as 1000 (YAML 1.2: text) and 08 as text (a slip for 8, not an octal
     * number): a number readers could take two ways is refused at its line, saying how to write
     * it. Quoted, it is text by choice; a number written plainly in any other way is read.
     */
    @Test
    void numbersReadersCouldTakeTwoWaysAreRefusedSayingHowToWriteThem() throws IOException {
        assertEquals("scenarios/s.yaml:1:7: rate: write numbers without underscores: write '1_000' as 1000",
                error("rate: 1_000\n").getMessage());
        assertEquals("scenarios/s.yaml:1:7: rate: write numbers without underscores: write '0.5_0' as 0.50",
                error("rate: 0.5_0\n").getMessage());
        assertEquals("scenarios/s.yaml:3:5: a.1: write numbers without a leading zero: write '08' as 8",
                error("a:\n  - 1\n  - 08\n").getMessage());
        assertEquals("scenarios/s.yaml:1:9: rate.0: write numbers without a leading zero: write '0010.5' as 10.5",
                error("rate: [ 0010.5 ]\n").getMessage());
        assertEquals("scenarios/s.yaml:1:7: rate: write numbers without a leading zero or underscores: '0_10' could mean 10 or the octal number 8",
                error("rate: 0_10\n").getMessage());
        Files.writeString(dir.resolve("s.yaml"), "a: '010'\nb: \"08\"\nc: +5\nd: .5\ne: 5.\nf: 1e3\ng: -0\nh: 0.5\ni: |\n  08\n");
        MapNode t = YamlTree.load(dir.resolve("s.yaml"), "scenarios/s.yaml");
        assertEquals(ScalarNode.Kind.STRING, ((ScalarNode) t.get("a")).kind());
        assertEquals("08", ((ScalarNode) t.get("b")).text());
        assertEquals(ScalarNode.Kind.STRING, ((ScalarNode) t.get("i")).kind());
        MapReader r = MapReader.root(t);
        assertEquals(List.of(5.0, 0.5, 5.0, 1000.0, 0.0, 0.5),
                List.of(r.number("c"), r.number("d"), r.number("e"), r.number("f"), r.number("g"), r.number("h")));
    }

    @Test
    void yamlFeaturesThatSilentlyChangeValuesAreRefused() throws IOException {
        assertEquals("scenarios/s.yaml:2:8: other: YAML aliases (*b) are not supported; write the value out, "
                + "or share settings between files with 'extends'", error("base: &b {x: 1}\nother: *b\n").getMessage());
        assertEquals("scenarios/s.yaml:1:13: from_month: write numbers without a leading zero: '010' could mean 10 or the octal number 8",
                error("from_month: 010\n").getMessage());
        assertEquals("scenarios/s.yaml:1:13: from_month: write numbers in decimal: '0x10' is the hexadecimal number 16",
                error("from_month: 0x10\n").getMessage());
        assertEquals("scenarios/s.yaml:1:7: rate: write numbers in decimal: '-0b1_01' is the binary number -5",
                error("rate: -0b1_01\n").getMessage());
        assertEquals("scenarios/s.yaml:1:7: rate: '.inf' is not a usable number (infinite or NaN)",
                error("rate: .inf\n").getMessage());
        assertEquals("scenarios/s.yaml:1:7: rate: '1e400' is not a usable number (too large)", error("rate: 1e400\n").getMessage());
        String huge = "9".repeat(400);
        assertEquals("scenarios/s.yaml:1:7: rate: '999999999999999999999999... (400 characters)' is not a usable number (too large)",
                error("rate: " + huge + "\n").getMessage());
    }
}
