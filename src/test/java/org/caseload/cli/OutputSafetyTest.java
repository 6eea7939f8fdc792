package org.caseload.cli;

import static org.caseload.cli.SafetySupport.LEEDS;
import static org.caseload.cli.SafetySupport.shortly;
import static org.caseload.cli.SafetySupport.execute;
import static org.caseload.cli.SafetySupport.fingerprint;
import static org.caseload.cli.SafetySupport.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Stream;
import org.caseload.cli.SafetySupport.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * caseload replaces only folders it can prove it wrote, or empty ones, and never the
 * working directory, the root, the home folder or a folder holding an input file.
 */
class OutputSafetyTest {
    private static final Path SCENARIOS = Path.of("scenarios").toAbsolutePath();

    /**
     * The issue's acceptance, as a user would meet it: in an empty folder holding keep.txt,
     * a separate caseload process run there with a dangerous --out exits 2 and changes
     * nothing, neither there nor among the shipped scenarios.
     */
    @ParameterizedTest(name = "--out ''{0}''")
    @ValueSource(strings = {".", "", "/", "SCENARIOS"})
    void dangerousOutFoldersAreRefusedAndTouchNothing(String out, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("keep.txt"), "mine");
        String given = out.equals("SCENARIOS") ? SCENARIOS.toString() : out;
        Map<String, String> scenariosBefore = fingerprint(SCENARIOS);
        List<String> cmd = new ArrayList<>(SafetySupport.javaCommand());
        cmd.addAll(List.of("run", LEEDS.toString(), "--replications", "2", "--out", given));
        Outcome o = SafetySupport.runProcess(dir, cmd);
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.oneCleanLine(), o.err());
        assertEquals(List.of("keep.txt"), names(dir));
        assertEquals("mine", Files.readString(dir.resolve("keep.txt")));
        assertEquals(scenariosBefore, fingerprint(SCENARIOS));
    }

    @Test
    void messagesSayWhyTheFolderIsRefused() {
        assertTrue(shortly("run", LEEDS.toString(), "--out", ".").err().contains("is the working directory"));
        assertTrue(shortly("run", LEEDS.toString(), "--out", "..").err().contains("contains the working directory"));
        assertTrue(shortly("run", LEEDS.toString(), "--out", "/").err().contains("root of the file system"));
        assertTrue(shortly("run", LEEDS.toString(), "--out", "").err().contains("--out is empty"));
        Outcome scen = shortly("run", LEEDS.toString(), "--out", "scenarios");
        assertEquals(2, scen.exit());
        assertTrue(scen.err().contains("holds the input file"), scen.err());
    }

    @Test
    void homeFolderIsRefused(@TempDir Path dir) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve(".profile"), "x");
        String saved = System.getProperty("user.home");
        try {
            System.setProperty("user.home", home.toString());
            Outcome o = shortly("run", LEEDS.toString(), "--out", home.toString());
            assertEquals(2, o.exit(), o.err());
            assertTrue(o.err().contains("is the home folder"), o.err());
            Outcome parent = shortly("run", LEEDS.toString(), "--out", dir.toString());
            assertEquals(2, parent.exit(), parent.err());
            assertTrue(parent.err().contains("contains the home folder"), parent.err());
        } finally {
            System.setProperty("user.home", saved);
        }
        assertEquals(List.of(".profile"), names(home));
    }

    @Test
    void foldersHoldingScenarioFilesOrTheFilesTheyExtendAreRefused(@TempDir Path dir) throws IOException {
        Path parentDir = Files.createDirectories(dir.resolve("shared/base"));
        Files.copy(LEEDS, parentDir.resolve("leeds.yaml"));
        Path childDir = Files.createDirectories(dir.resolve("mine"));
        Path child = childDir.resolve("child.yaml");
        Files.writeString(child, "extends: ../shared/base/leeds.yaml\nname: child\n");
        Map<String, String> before = fingerprint(dir);
        for (Path out : List.of(childDir, parentDir, dir.resolve("shared"), dir)) {
            Outcome o = shortly("run", child.toString(), "--out", out.toString());
            assertEquals(2, o.exit(), out + ": " + o.err());
            assertTrue(o.err().contains("holds the input file"), o.err());
        }
        assertEquals(before, fingerprint(dir));
    }

    @Test
    void aFolderThatIsNotCaseloadsIsRefusedUntouched(@TempDir Path dir) throws IOException {
        Path theirs = Files.createDirectories(dir.resolve("theirs"));
        Files.writeString(theirs.resolve("thesis.docx"), "years of work");
        Path foreign = Files.createDirectories(dir.resolve("foreign"));
        Files.writeString(foreign.resolve("manifest.json"), "{\"tool\": \"another-tool\"}");
        Path file = Files.writeString(dir.resolve("a-file"), "text");
        Map<String, String> before = fingerprint(dir);
        for (Path out : List.of(theirs, foreign, file)) {
            Outcome o = shortly("run", LEEDS.toString(), "--out", out.toString());
            assertEquals(2, o.exit(), out + ": " + o.err());
            assertTrue(o.oneCleanLine(), o.err());
        }
        assertTrue(shortly("run", LEEDS.toString(), "--out", theirs.toString()).err()
                .contains("is not a caseload results folder"));
        assertEquals(before, fingerprint(dir));
    }

    @Test
    void aSymbolicLinkIsRefused(@TempDir Path dir) throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        Outcome o = shortly("run", LEEDS.toString(), "--out", link.toString());
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.err().contains("symbolic link"), o.err());
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void anEmptyFolderIsUsed(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Outcome o = shortly("run", LEEDS.toString(), "--out", empty.toString());
        assertEquals(0, o.exit(), o.err());
        assertTrue(Files.isRegularFile(empty.resolve("summary.csv")));
        assertFalse(o.err().contains("replacing"), o.err());
        assertEquals(List.of("empty"), names(dir), "no temporary folder left beside it");
    }

    @Test
    void earlierResultsAreReplacedAndTheUserIsTold(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("leeds");
        assertEquals(0, shortly("run", LEEDS.toString(), "--out", out.toString()).exit());
        Files.writeString(out.resolve("summary.csv"), "stale");
        Outcome again = shortly("run", LEEDS.toString(), "--out", out.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.err().contains("replacing earlier results in " + out), again.err());
        assertFalse(Files.readString(out.resolve("summary.csv")).equals("stale"));
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"tool\" : \"caseload\""));
        assertEquals(List.of("leeds"), names(dir), "no temporary or old folder left beside it");
    }

    /** The manifest lists exactly what caseload wrote; a rerun into a folder still holding only that replaces it. */
    @Test
    void theManifestListsEveryFileWrittenAndACleanRerunReplaces(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("R");
        assertEquals(0, shortly("run", LEEDS.toString(), "--out", out.toString()).exit());
        List<String> listed = new ArrayList<>();
        new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("files").forEach(f -> listed.add(f.asText()));
        List<String> present = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            walk.filter(p -> !p.equals(out)).forEach(p -> present.add(out.relativize(p).toString().replace('\\', '/')
                    + (Files.isDirectory(p) ? "/" : "")));
        }
        assertEquals(present.stream().sorted().toList(), listed);
        assertTrue(listed.containsAll(List.of("manifest.json", "summary.csv", "report.html", "charts/")), listed.toString());
        Outcome again = shortly("run", LEEDS.toString(), "--seed", "2", "--out", out.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.err().contains("replacing earlier results"), again.err());
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"seed\" : 2"));
    }

    /** Files the user added to a results folder are never deleted with it: the rerun is refused, naming one. */
    @Test
    void aResultsFolderHoldingOtherFilesIsRefusedUntouched(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("R");
        assertEquals(0, shortly("run", LEEDS.toString(), "--out", out.toString()).exit());
        Files.writeString(out.resolve("notes.txt"), "my notes");
        refusedUntouched(dir, "holds notes.txt, which caseload did not write", "run", LEEDS.toString(), "--out", out.toString());
        Files.delete(out.resolve("notes.txt"));
        Files.createDirectories(out.resolve("mywork"));
        Files.writeString(out.resolve("mywork/x"), "x");
        refusedUntouched(dir, "holds mywork/, which caseload did not write", "run", LEEDS.toString(), "--out", out.toString());
        Files.delete(out.resolve("mywork/x"));
        Files.delete(out.resolve("mywork"));
        // A file inside a folder caseload wrote; and another command, through the same rule.
        Files.writeString(out.resolve("charts/mine.png"), "x");
        refusedUntouched(dir, "holds charts/mine.png, which caseload did not write", "run", LEEDS.toString(), "--out", out.toString());
        refusedUntouched(dir, "holds charts/mine.png, which caseload did not write", "compare", LEEDS.toString(),
                "scenarios/leeds-cut-10.yaml", "--out", out.toString());
    }

    private static void refusedUntouched(Path dir, String says, String... args) throws IOException {
        Map<String, String> before = fingerprint(dir);
        Outcome o = args[0].equals("run") ? shortly(args)
                : execute(SafetySupport.concat(args, "--replications", "2", "--set", "horizon_months=14", "--set", "warmup_months=0"));
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.oneCleanLine(), o.err());
        assertTrue(o.err().contains(says), o.err());
        assertEquals(before, fingerprint(dir), "a refused run changed the folder");
    }

    /** A manifest copied into a folder of other work proves nothing about the rest: old or new, refused. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"listing", "earlier version"})
    void aCopiedManifestBesideOtherWorkIsRefused(String kind, @TempDir Path dir) throws IOException {
        Path manifest = Path.of("results/reference/leeds-vs-leeds-cut-10/manifest.json");
        if (kind.equals("listing")) {
            Path earlier = dir.resolve("earlier");
            assertEquals(0, shortly("run", LEEDS.toString(), "--out", earlier.toString()).exit());
            manifest = earlier.resolve("manifest.json");
        }
        Path thesis = Files.createDirectories(dir.resolve("thesis"));
        Files.copy(manifest, thesis.resolve("manifest.json"));
        Files.writeString(thesis.resolve("thesis.tex"), "years of work");
        Map<String, String> before = fingerprint(thesis);
        Outcome o = shortly("run", LEEDS.toString(), "--out", thesis.toString());
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.oneCleanLine(), o.err());
        assertTrue(o.err().contains("holds thesis.tex, which caseload did not write"), o.err());
        assertEquals(before, fingerprint(thesis));
    }

    /** Results of an earlier caseload version (the reference folder's manifest) are recognised. */
    @Test
    void resultsOfAnEarlierVersionAreRecognised(@TempDir Path dir) throws IOException {
        Path old = Files.createDirectories(dir.resolve("old"));
        Files.copy(Path.of("results/reference/leeds-vs-leeds-cut-10/manifest.json"), old.resolve("manifest.json"));
        Files.writeString(old.resolve("comparison.csv"), "old");
        Files.createDirectories(old.resolve("charts"));
        Files.writeString(old.resolve("charts/spend.png"), "old");
        Outcome o = execute("compare", LEEDS.toString(), "scenarios/leeds-cut-10.yaml", "--out", old.toString(), "--replications", "2",
                "--set", "horizon_months=14", "--set", "warmup_months=0");
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.err().contains("replacing earlier results"), o.err());
        assertFalse(Files.readString(old.resolve("comparison.csv")).equals("old"));
    }

    @Test
    void sameNamedScenariosInOneRunAreRefusedNamingBoth(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.yaml");
        Path b = dir.resolve("b.yaml");
        Files.writeString(a, "extends: " + LEEDS + "\n", StandardCharsets.UTF_8);
        Files.writeString(b, "extends: " + LEEDS + "\ndescription: another\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        Outcome o = shortly("run", a.toString(), b.toString(), "--out", out.toString());
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.err().contains(a.toString()) && o.err().contains(b.toString()) && o.err().contains("same name 'leeds'"), o.err());
        assertTrue(o.oneCleanLine(), o.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aScenarioGivenTwiceIsRefusedAsSuch(@TempDir Path dir) {
        Path out = dir.resolve("out");
        Outcome same = shortly("compare", LEEDS.toString(), LEEDS.toString(), "--out", out.toString());
        assertEquals(2, same.exit(), same.err());
        assertTrue(same.err().contains(LEEDS + " is given twice: give each scenario once"), same.err());
        assertTrue(same.oneCleanLine(), same.err());
        Path other = Path.of("scenarios", "..", "scenarios", LEEDS.getFileName().toString());
        Outcome spelled = shortly("run", LEEDS.toString(), other.toString(), "--out", out.toString());
        assertEquals(2, spelled.exit(), spelled.err());
        assertTrue(spelled.err().contains(other + " is given twice (as " + LEEDS + " too)"), spelled.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void warmupAndCalibrateFollowTheSameRule() {
        Outcome warm = execute("warmup", LEEDS.toString(), "--months", "12", "--replications", "2", "--out", ".");
        assertEquals(2, warm.exit(), warm.err());
        assertTrue(warm.err().contains("is the working directory"), warm.err());
        Outcome cal = execute("calibrate", "scenarios/medway.yaml", "--targets", "scenarios/targets/medway.yaml", "--out", "scenarios/targets");
        assertEquals(2, cal.exit(), cal.err());
        assertTrue(cal.err().contains("holds the input file"), cal.err());
    }

    @Test
    void analysisCommandsFollowTheSameRule() {
        String open = "src/test/resources/analysis/open-stay.yaml";
        for (String[] args : List.of(
                new String[] {"sweep", LEEDS.toString(), "--vary", "arrivals.rate_per_month=100:200:100", "--out", "."},
                new String[] {"psa", open, "--samples", "8", "--replications", "2", "--out", "src/test/resources/analysis"},
                new String[] {"sensitivity", open, "--method", "tornado", "--replications", "2", "--out", "/"})) {
            Outcome o = execute(args);
            assertEquals(2, o.exit(), args[0] + ": " + o.err());
            assertTrue(o.oneCleanLine(), o.err());
            assertTrue(o.err().contains("working directory") || o.err().contains("holds the input file")
                    || o.err().contains("root of the file system"), args[0] + ": " + o.err());
        }
    }

    /**
     * The root is not the folder of several scenarios' results either (it was: `run a b --out /`
     * wrote /a and /b, recording the batch in a working folder named /.null.resume).
     */
    @Test
    void theRootHoldsNoScenariosResults() throws IOException {
        Set<String> before;
        try (var l = Files.list(Path.of("/"))) {
            before = l.map(Path::toString).collect(java.util.stream.Collectors.toSet());
        }
        String open = "src/test/resources/analysis/open-stay.yaml";
        for (String[] args : List.of(
                new String[] {"run", open, "scenarios/medway.yaml", "--replications", "2", "--out", "/"},
                new String[] {"run", open, "scenarios/medway.yaml", "--replications", "2", "--out", "/tmp/.."},
                new String[] {"compare", open, "scenarios/medway.yaml", "--replications", "2", "--out", "/"})) {
            Outcome o = execute(args);
            assertEquals(2, o.exit(), String.join(" ", args) + ": " + o.err());
            assertTrue(o.oneCleanLine(), o.err());
            assertTrue(o.err().contains("root of the file system"), o.err());
        }
        try (var l = Files.list(Path.of("/"))) {
            assertEquals(before, l.map(Path::toString).collect(java.util.stream.Collectors.toSet()), "written into the root");
        }
    }

    @Test
    void severalScenariosWriteIntoSubfoldersOfOut(@TempDir Path dir) {
        Path out = dir.resolve("many");
        Outcome o = execute("run", LEEDS.toString(), "scenarios/leeds-cut-10.yaml", "--out", out.toString(), "--replications", "2",
                "--set", "horizon_months=14", "--set", "warmup_months=0");
        assertEquals(0, o.exit(), o.err());
        assertTrue(Files.isRegularFile(out.resolve("leeds/manifest.json")));
        assertTrue(Files.isRegularFile(out.resolve("leeds-cut-10/manifest.json")));
    }
}
