package org.caseload.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caseload.BuildId;
import org.caseload.fault.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch record read back as written, and a damaged one refused in caseload's own words, naming the file. */
class BatchSpecTest {
    @TempDir
    Path dir;

    private static BatchSpec spec() {
        return new BatchSpec("run", "1.0", List.of("scenarios/short.yaml"), List.of("horizon_months=24"),
                List.of(new BatchSpec.ScenarioId("short", "ab".repeat(32))), 3, 12, Double.NaN, false, new Slice(2, 4));
    }

    /** The record as {@link BatchSpec#write} writes it. */
    private String written() throws IOException {
        Path f = dir.resolve("written.json");
        spec().write(f);
        return Files.readString(f);
    }

    private Path file(String text) throws IOException {
        Path f = dir.resolve("batch.json");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    /** The message a record is refused with, checked for words of the JSON library. */
    private String refusal(Path f) {
        String m = assertThrows(InputException.class, () -> BatchSpec.read(f)).getMessage();
        for (String library : List.of("[Source", "line: ", "column: ", "end-of-input", "CTRL-CHAR", "code ", "JSON String",
                "jackson", "Node")) {
            assertFalse(m.contains(library), "library wording '" + library + "' in: " + m);
        }
        return m;
    }

    @Test
    void aRecordReadsBackAsWritten() throws IOException {
        BatchSpec read = BatchSpec.read(file(written()));
        assertEquals(spec(), read);
        assertEquals(null, spec().differenceFrom(read));
    }

    @Test
    void aTruncatedRecordSaysWhereItEnds() throws IOException {
        // cut inside the third line: `  "ver`
        String text = written();
        int cut = text.indexOf("\"version\"") + 4;
        Path f = file(text.substring(0, cut));
        assertEquals(f + ": not a caseload batch record (it ends part-way through, at line 3, column 7)", refusal(f));

        // cut between two fields, and after the last value with the closing brackets lost
        Path g = file(text.substring(0, text.indexOf("\"seed\"")));
        assertEquals(g + ": not a caseload batch record (it ends part-way through, at line 11, column 3)", refusal(g));
        Path h = file("{\n  \"tool\" : \"caseload\",\n  \"seed\" : 3\n");
        assertEquals(h + ": not a caseload batch record (it ends part-way through, at line 4, column 1)", refusal(h));
    }

    @Test
    void aSyntaxErrorNamesTheCharacterAndWhereItIs() throws IOException {
        Path f = file("{\n  \"tool\" : x\n}\n");
        assertEquals(f + ": not a caseload batch record (unexpected character 'x' at line 2, column 12)", refusal(f));
        Path comma = file("{\"tool\": \"caseload\",\n}");
        assertEquals(comma + ": not a caseload batch record (unexpected character '}' at line 2, column 1)", refusal(comma));
        Path bracket = file("{\"overrides\": [\"a\", \"b\"}");
        assertEquals(bracket + ": not a caseload batch record (unexpected character '}' at line 1, column 24)", refusal(bracket));
    }

    @Test
    void controlCharactersAreShownEscapedAtTheirOwnPosition() throws IOException {
        // A file a crash left full of zero bytes; Jackson reports the position after the first one.
        Path zeros = file("\0".repeat(64));
        assertEquals(zeros + ": not a caseload batch record (unexpected character '\\u0000' at line 1, column 1)", refusal(zeros));
        Path inText = file("{\"tool\": \"case\u0001load\"}");
        assertEquals(inText + ": not a caseload batch record (unexpected character '\\u0001' at line 1, column 15)", refusal(inText));
        Path bom = file("\uFEFF" + "{}");
        assertEquals(bom + ": not a caseload batch record (unexpected character '\\ufeff' at line 1, column 1)", refusal(bom));
    }

    @Test
    void textAfterTheRecordIsRefused() throws IOException {
        String text = written();
        Path twice = file(text + text);
        int line = (int) text.lines().count() + 1;
        assertEquals(twice + ": not a caseload batch record (more after the record's end, at line " + line + ", column 1)",
                refusal(twice));
        Path tail = file(text.strip() + " x");
        assertTrue(refusal(tail).startsWith(tail + ": not a caseload batch record (unexpected character 'x' at line "), refusal(tail));
        assertEquals(BatchSpec.read(file(text + "\n\n")).seed(), BatchSpec.read(file(text)).seed(), "blank lines after it are fine");
    }

    @Test
    void anEmptyFileIsSaidToBeEmpty() throws IOException {
        Path empty = file("");
        assertEquals(empty + ": not a caseload batch record (it is empty)", refusal(empty));
        Path blank = file(" \n\n");
        assertEquals(blank + ": not a caseload batch record (it is empty)", refusal(blank));
    }

    @Test
    void aFileThatIsNotUtf8IsSaidToBeSo() throws IOException {
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, new byte[]{'{', '"', (byte) 0xE9, '"', '}'});
        assertEquals(latin1 + ": not a caseload batch record (it is not UTF-8 text)", refusal(latin1));
    }

    @Test
    void aFileFarLargerThanARecordIsRefusedUnread() throws IOException {
        Path huge = dir.resolve("huge.json");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(JsonRecord.MAX_BYTES + 1); // sparse: nothing written, nothing read
        }
        assertEquals(huge + ": not a caseload batch record (16.0 MB, far larger than caseload writes)", refusal(huge));
        Path ordinary = dir.resolve("ordinary.json");
        Files.writeString(ordinary, written());
        assertEquals(spec(), BatchSpec.read(ordinary), "a record of ordinary size is read");
    }

    @Test
    void aNumberTooLongToReadIsRefusedInPlainWords() throws IOException {
        Path f = file("{\"seed\": " + "7".repeat(5000) + "}");
        assertEquals(f + ": not a caseload batch record (a number or text far longer than caseload writes)", refusal(f));
    }

    @Test
    void aRecordThatCannotBeReadSaysWhyInOneLine() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder.json"));
        String m = refusal(folder);
        assertTrue(m.startsWith(folder + ": cannot read it (") && m.endsWith(")") && m.lines().count() == 1, m);
    }

    /** {@code written} with {@code from} (which must be there) replaced by {@code to}. */
    private static String edited(String written, String from, String to) {
        assertTrue(written.contains(from), "not in the record: " + from);
        return written.replace(from, to);
    }

    @Test
    void aFieldMissingOrOfTheWrongKindIsNamedInFull() throws IOException {
        String w = written();
        // each edit of a record as written, and the field the refusal must name
        String[][] cases = {
                {"\"seed\" : 3,", "\"seed\" : \"three\",", "seed"},             // was read as seed 0 and resumed
                {"\"seed\" : 3,", "\"seed\" : 3.5,", "seed"},
                {"\"seed\" : 3,", "", "seed"},
                {"\"replications\" : 12,", "\"replications\" : 12345678901,", "replications"}, // was cut to an int
                {"\"replications\" : 12,", "\"replications\" : 0,", "replications"},
                {"\"independent_streams\" : false", "\"independent_streams\" : \"no\"", "independent_streams"},
                {"\"command\" : \"run\"", "\"command\" : [ \"run\" ]", "command"},
                {"\"tool\" : \"caseload\"", "\"tool\" : \"another-tool\"", "tool"},
                {"\"overrides\" : [ \"horizon_months=24\" ]", "\"overrides\" : { }", "overrides"},
                {"\"overrides\" : [ \"horizon_months=24\" ]", "\"overrides\" : [ 24 ]", "overrides.0"},
                {"\"file\" : \"scenarios/short.yaml\",", "", "scenarios.0.file"},
                {"\"index\" : 2,", "\"index\" : 0,", "slice.index"},                     // was Slice's own "--shard must be I/N"
                {"\"index\" : 2,", "\"index\" : 5,", "slice.index"},
                {"\"count\" : 4,", "\"count\" : null,", "slice.count"},
        };
        for (String[] c : cases) {
            Path f = file(edited(w, c[0], c[1]));
            assertEquals(f + ": not a caseload batch record (missing or bad '" + c[2] + "')", refusal(f), c[0] + " -> " + c[1]);
        }
    }

    @Test
    void aListOrSectionOfTheWrongKindIsNamedWithoutTheLibrarysWords() throws IOException {
        // JsonNode.withArray on a field that is not a list throws with Jackson's words (its node classes), which were shown
        String w = written();
        Path scenarios = file(edited(w, "\"scenarios\" : [", "\"scenarios\" : 5, \"x\" : ["));
        assertEquals(scenarios + ": not a caseload batch record (missing or bad 'scenarios')", refusal(scenarios));
        Path design = file(edited(w, "\"seed\" : 3,", "\"seed\" : 3, \"design\" : \"--samples 4\","));
        assertEquals(design + ": not a caseload batch record (missing or bad 'design')", refusal(design));
        Path slice = file(edited(w, "\"slice\" : {", "\"slice\" : 2, \"x\" : {"));
        assertEquals(slice + ": not a caseload batch record (missing or bad 'slice')", refusal(slice));
        Path scenario = file(edited(w, "\"scenarios\" : [ {", "\"scenarios\" : [ \"short\", {"));
        assertEquals(scenario + ": not a caseload batch record (missing or bad 'scenarios.0')", refusal(scenario));
        Path root = file("[ " + w + " ]");
        assertEquals(root + ": not a caseload batch record (missing or bad 'tool')", refusal(root));
    }

    @Test
    void aRecordOfAnotherBuildIsRefusedSayingWhatToDo() throws IOException {
        String w = written();
        String ours = "\"build\" : \"" + BuildId.current() + "\"";
        assertTrue(w.contains(ours), w);
        String here = "; this is build " + BuildId.shortForm(BuildId.current()) + "), whose results may differ: ";
        Path other = file(edited(w, ours, "\"build\" : \"" + "f".repeat(64) + "\""));
        assertEquals(other + ": written by a different build of caseload (build ffffffffffff" + here + "finish the run with the build "
                + "that started it, or run the command again without --resume to start it over", refusal(other));
        String m = assertThrows(InputException.class, () -> BatchSpec.readShard(other)).getMessage();
        assertEquals(other + ": written by a different build of caseload (build ffffffffffff" + here + "merge the shards with the "
                + "build that ran them, or run this shard again with this one", m);
        Path none = file(edited(w, ",\n  " + ours, ""));
        assertEquals(none + ": written by a different build of caseload (one that did not record its build" + here + "finish the "
                + "run with the build that started it, or run the command again without --resume to start it over", refusal(none));
        assertEquals("caseload build " + BuildId.shortForm(BuildId.current()) + " vs ffffffffffff",
                spec().differenceFrom(new BatchSpec("run", "1.0", "f".repeat(64), spec().files(), spec().overrides(),
                        spec().scenarios(), 3, 12, Double.NaN, false, new Slice(2, 4), 0, List.of(), 0)));
    }

    @Test
    void aMissingRecordIsNotFound() {
        Path f = dir.resolve("nothing.json");
        assertEquals(f + ": not found", assertThrows(InputException.class, () -> BatchSpec.read(f)).getMessage());
    }
}
