package org.caseload.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The budget's sharing parameters and the re-referral section: defaults, and one clear message per mistake. */
class AllocationReaderTest {
    @TempDir
    Path dir;

    private Path child(String body) throws IOException {
        Path f = dir.resolve("child.yaml");
        Files.writeString(f, "extends: " + Path.of("scenarios/leeds.yaml").toAbsolutePath() + "\nname: child\n" + body);
        return f;
    }

    private String refusal(String body) throws IOException {
        Path f = child(body);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.load(f, List.of()));
        return e.getMessage();
    }

    @Test
    void leedsSharesCutsByItsStatedWeightsAndAFileWithoutThemGetsTheDefaults() throws IOException {
        Scenario.Budget leeds = ScenarioReader.load(Path.of("scenarios/leeds.yaml"), List.of()).scenario().budget();
        assertEquals(Scenario.AllocationRule.SHARED, leeds.rule());
        assertEquals(12, leeds.retenderAfterMonths());
        assertEquals(new Scenario.LineWeights(1, 1, 1, 0, 0.5), leeds.shortTerm());
        assertEquals(new Scenario.LineWeights(1, 1, 1, 0.5, 1), leeds.afterRetender());
        Scenario.Budget partial = ScenarioReader.load(child("budget:\n  allocation:\n    short_term: {overheads: 0.2}\n"),
                List.of()).scenario().budget();
        assertEquals(new Scenario.LineWeights(1, 1, 1, 0, 0.2), partial.shortTerm(), "lines not given keep their defaults");
        Scenario medway = ScenarioReader.load(Path.of("scenarios/medway.yaml"), List.of()).scenario();
        assertEquals(Scenario.AllocationRule.PROPORTIONAL, medway.budget().rule());
        Scenario.Budget switched = ScenarioReader.load(Path.of("scenarios/leeds.yaml"),
                List.of("budget.allocation.rule=proportional")).scenario().budget();
        assertEquals(Scenario.AllocationRule.PROPORTIONAL, switched.rule(), "one file switches rule with --set");
    }

    @Test
    void mistakesNameTheFileLineAndField() throws IOException {
        String tooHeavy = refusal("budget:\n  allocation:\n    short_term: {overheads: 11}\n");
        assertTrue(tooHeavy.matches(".*child\\.yaml:5:\\d+: budget\\.allocation\\.short_term\\.overheads: must be at most 10, got 11"),
                tooHeavy);
        String misspelt = refusal("budget:\n  allocation:\n    after_retender: {overhead: 1}\n");
        assertTrue(misspelt.endsWith("budget.allocation.after_retender.overhead: unknown field; did you mean 'overheads'?"), misspelt);
        String rule = refusal("budget:\n  allocation:\n    rule: sharing\n");
        assertTrue(rule.endsWith("budget.allocation.rule: unknown value 'sharing' (one of shared, proportional, protect)"), rule);
        String retender = refusal("budget:\n  allocation:\n    retender_after_months: -3\n");
        assertTrue(retender.contains("budget.allocation.retender_after_months: must be"), retender);
        String probability = refusal("after_exit:\n  rereferral_after_dropping_away:\n    probability: {default: 1.5}\n");
        assertTrue(probability.endsWith("after_exit.rereferral_after_dropping_away.probability.default: must be a probability "
                + "between 0 and 1, got 1.5"), probability);
    }
}
