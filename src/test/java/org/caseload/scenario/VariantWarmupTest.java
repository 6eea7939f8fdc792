package org.caseload.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code variant_warmup_months}: which runs are variants of a scenario (and so start away from
 * their own rest), and how compared scenarios line up their warm-ups.
 */
class VariantWarmupTest {
    private static final String BASE = """
            name: base
            horizon_months: 12
            warmup_months: 6
            variant_warmup_months: 30
            staff: 10
            budget: {cut: 0}
            """;

    /** The warm-ups a tree holds, read back as numbers (the reader is tested with the shipped files below). */
    private static int months(MapNode t, String key) {
        return (int) Double.parseDouble(((ScalarNode) t.get(key)).text());
    }

    private static MapNode resolve(Path dir, String file, String... sets) {
        return ScenarioFiles.resolve(dir.resolve(file), List.of(sets));
    }

    @Test
    void aValueThatChangesTheSystemFromTheStartMakesAVariant(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("base.yaml"), BASE);
        assertEquals(6, months(resolve(dir, "base.yaml"), "warmup_months"), "the file as written");
        assertEquals(30, months(resolve(dir, "base.yaml", "staff=12"), "warmup_months"), "staff changed from the start");
        assertEquals(6, months(resolve(dir, "base.yaml", "budget.cut=-10"), "warmup_months"),
                "the budget acts from the end of the warm-up: still at the file's rest");
        assertEquals(6, months(resolve(dir, "base.yaml", "horizon_months=24", "name=other"), "warmup_months"));
    }

    @Test
    void aWarmupChosenOnTheCommandLineHoldsForVariantsToo(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("base.yaml"), BASE);
        for (List<String> sets : List.of(List.of("warmup_months=3", "staff=12"), List.of("staff=12", "warmup_months=3"))) {
            MapNode t = ScenarioFiles.resolve(dir.resolve("base.yaml"), sets);
            assertEquals(3, months(t, "warmup_months"), "whatever the order: " + sets);
            assertEquals(3, months(t, "variant_warmup_months"), "an analysis of this run keeps the chosen warm-up: " + sets);
            assertEquals(3, months(ScenarioVariant.override(t, Map.of("staff", 14.0)), "warmup_months"));
        }
        MapNode both = resolve(dir, "base.yaml", "warmup_months=3", "variant_warmup_months=9", "staff=12");
        assertEquals(3, months(both, "warmup_months"), "the warm-up set explicitly wins");
        assertEquals(9, months(ScenarioVariant.override(both, Map.of("staff", 14.0)), "warmup_months"));
    }

    @Test
    void everyDesignPointOfAnAnalysisIsAVariantWhateverItChanges(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("base.yaml"), BASE);
        MapNode tree = resolve(dir, "base.yaml");
        // So that a sweep's points share one warm-up and stay paired, even the points that change only the budget.
        assertEquals(30, months(ScenarioVariant.override(tree, Map.of("budget.cut", -10.0)), "warmup_months"));
        assertEquals(30, months(ScenarioVariant.override(tree, Map.of("staff", 10.0)), "warmup_months"), "even the file's own value");
        assertEquals(12, months(ScenarioVariant.override(tree, Map.of("warmup_months", 12.0, "staff", 11.0)), "warmup_months"),
                "a sweep of the warm-up itself keeps its values");
        Files.writeString(dir.resolve("plain.yaml"), "name: plain\nwarmup_months: 6\nstaff: 10\n");
        assertEquals(6, months(ScenarioVariant.override(resolve(dir, "plain.yaml"), Map.of("staff", 12.0)), "warmup_months"),
                "no variant_warmup_months: variants keep the warm-up");
    }

    @Test
    void aFileThatExtendsAnotherAndChangesItsSystemIsAVariant(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("base.yaml"), BASE);
        Files.writeString(dir.resolve("staffed.yaml"), "extends: base.yaml\nname: staffed\nstaff: 12\n");
        Files.writeString(dir.resolve("cut.yaml"), "extends: base.yaml\nname: cut\nbudget: {cut: -10}\ntargets: []\n");
        Files.writeString(dir.resolve("own-rest.yaml"), "extends: base.yaml\nname: own\nstaff: 12\ninitial_caseload: {a: 5}\n");
        Files.writeString(dir.resolve("own-warmup.yaml"), "extends: base.yaml\nname: own\nstaff: 12\nwarmup_months: 9\n");
        Files.writeString(dir.resolve("stepped.yaml"), "extends: base.yaml\nname: stepped\narrivals: {steps: [{from_month: 3, multiplier: 1.1}]}\n");
        Files.writeString(dir.resolve("busier.yaml"), "extends: base.yaml\nname: busier\narrivals: {rate_per_month: 12}\n");
        assertEquals(30, months(resolve(dir, "staffed.yaml"), "warmup_months"));
        assertEquals(6, months(resolve(dir, "stepped.yaml"), "warmup_months"), "a demand step acts after the warm-up");
        assertEquals(30, months(resolve(dir, "busier.yaml"), "warmup_months"), "more demand from the start");
        assertEquals(6, months(resolve(dir, "cut.yaml"), "warmup_months"));
        assertEquals(6, months(resolve(dir, "own-rest.yaml"), "warmup_months"), "its own initial caseload: its own rest");
        assertEquals(9, months(resolve(dir, "own-warmup.yaml"), "warmup_months"), "its own choice");
        assertEquals(9, months(resolve(dir, "own-warmup.yaml"), "variant_warmup_months"), "for its variants too");
        // Longer than the inherited variant warm-up: taken, not refused as leaving the variants shorter.
        Files.writeString(dir.resolve("longer.yaml"), "extends: " + Path.of("scenarios/leeds.yaml").toAbsolutePath()
                + "\nname: longer\nwarmup_months: 60\n");
        ScenarioReader.Loaded longer = ScenarioReader.load(dir.resolve("longer.yaml"), List.of());
        assertEquals(60, longer.scenario().warmupMonths());
        assertEquals(60, months(longer.tree(), "variant_warmup_months"));
    }

    @Test
    void theShippedLeedsFilesWarmUpAsTheirRestAsks() {
        Map<String, Integer> expected = Map.of("leeds", 24, "leeds-cut-10", 24, "leeds-cut-25", 24, "leeds-cut-50", 24,
                "caseload-40", 48, "leeds-2015-bid", 48, "england", 48);
        expected.forEach((name, months) -> assertEquals(months,
                ScenarioReader.load(Path.of("scenarios", name + ".yaml"), List.of()).scenario().warmupMonths(), name));
        assertEquals(48, ScenarioReader.load(Path.of("scenarios/leeds.yaml"),
                List.of("pathways.intensive_keywork.capacity.staff_fte=40")).scenario().warmupMonths());
        // What validate tells: whether the warm-up is a variant's.
        assertTrue(ScenarioVariant.isVariant(ScenarioFiles.resolve(Path.of("scenarios/caseload-40.yaml"), List.of())));
        assertTrue(ScenarioVariant.isVariant(ScenarioFiles.resolve(Path.of("scenarios/leeds.yaml"),
                List.of("pathways.intensive_keywork.capacity.staff_fte=40"))));
        assertEquals(false, ScenarioVariant.isVariant(ScenarioFiles.resolve(Path.of("scenarios/leeds.yaml"), List.of())));
        assertEquals(false, ScenarioVariant.isVariant(ScenarioFiles.resolve(Path.of("scenarios/england.yaml"), List.of())),
                "48 months of its own, not a variant's");
        assertEquals(false, ScenarioVariant.isVariant(ScenarioFiles.resolve(Path.of("scenarios/leeds.yaml"), List.of("warmup_months=48"))));
    }

    @Test
    void aVariantWarmupShorterThanTheWarmupIsRefused() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioReader.load(Path.of("scenarios/leeds.yaml"), List.of("variant_warmup_months=12")));
        assertEquals("variant_warmup_months", e.field());
        assertTrue(e.problem().contains("shorter than warmup_months (24)"), e.problem());
    }

    @Test
    void comparedScenariosRunWithTheLongestWarmups() {
        ScenarioReader.Loaded leeds = ScenarioReader.load(Path.of("scenarios/leeds.yaml"), List.of());
        ScenarioReader.Loaded cut = ScenarioReader.load(Path.of("scenarios/leeds-cut-10.yaml"), List.of());
        ScenarioReader.Loaded staffed = ScenarioReader.load(Path.of("scenarios/caseload-40.yaml"), List.of());
        List<ScenarioReader.Loaded> same = ComparedScenarios.align(List.of(leeds, cut));
        assertSame(leeds, same.get(0), "warm-ups already equal: nothing to change");
        assertSame(cut, same.get(1));
        List<ScenarioReader.Loaded> aligned = ComparedScenarios.align(List.of(leeds, staffed));
        for (ScenarioReader.Loaded l : aligned) {
            assertEquals(48, l.scenario().warmupMonths(), l.scenario().name());
            assertEquals(48, months(l.tree(), "variant_warmup_months"), l.scenario().name());
        }
        assertEquals(48, months(ScenarioVariant.override(aligned.get(0).tree(), Map.of("arrivals.rate_per_month", 190.0)),
                "warmup_months"), "an analysis of the comparison stays lined up");
    }

    @Test
    void aScenarioWithoutAVariantWarmupLinesUpToo() {
        ScenarioReader.Loaded leeds = ScenarioReader.load(Path.of("scenarios/leeds.yaml"), List.of());
        // A complete scenario with a 96-month warm-up and no variant_warmup_months.
        ScenarioReader.Loaded other = ScenarioReader.load(Path.of("src/test/resources/fixtures/base.yaml"), List.of());
        assertEquals(96, other.scenario().warmupMonths());
        List<ScenarioReader.Loaded> aligned = ComparedScenarios.align(List.of(leeds, other));
        assertEquals(96, aligned.get(0).scenario().warmupMonths(), "the other file's warm-up is the longest");
        assertEquals(96, months(aligned.get(0).tree(), "variant_warmup_months"), "not below the warm-up");
        assertSame(other, aligned.get(1), "its variants default to its own 96 months");
    }

    @Test
    void medwayWarmsUpFor48AndItsVariantsFor96() {
        ScenarioReader.Loaded medway = ScenarioReader.load(Path.of("scenarios/medway.yaml"), List.of());
        ScenarioReader.Loaded hat = ScenarioReader.load(Path.of("scenarios/south-tees-hat.yaml"), List.of());
        ScenarioReader.Loaded alternative = ScenarioReader.load(Path.of("scenarios/south-tees-alternative.yaml"), List.of());
        assertEquals(48, medway.scenario().warmupMonths());
        assertEquals(48, hat.scenario().warmupMonths(), "south-tees-hat gives its own rest (initial_caseload)");
        assertEquals(96, alternative.scenario().warmupMonths(), "south-tees-alternative changes staff from medway's rest");
        for (ScenarioReader.Loaded l : ComparedScenarios.align(List.of(alternative, hat))) {
            assertEquals(96, l.scenario().warmupMonths(), l.scenario().name());
        }
    }
}
