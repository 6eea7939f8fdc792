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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UncertaintyReaderTest {
    private static final Path LEEDS = Path.of("scenarios/leeds.yaml").toAbsolutePath();

    @Test
    void leedsShipsItsLeastCertainParametersWithSources() {
        List<UncertainParameter> ps = UncertaintyReader.read(ScenarioFiles.resolve(LEEDS, List.of()));
        assertTrue(ps.size() >= 8, "parameters: " + ps.size());
        List<String> paths = ps.stream().map(UncertainParameter::path).toList();
        assertTrue(paths.contains("effects.caseload_pressure.completion"));
        assertTrue(paths.stream().anyMatch(p -> p.startsWith("after_exit.relapse")));
        assertTrue(paths.stream().anyMatch(p -> p.startsWith("after_exit.represent")));
        assertTrue(paths.stream().anyMatch(p -> p.startsWith("mortality.")));
        assertTrue(paths.stream().anyMatch(p -> p.startsWith("budget.")));
        for (UncertainParameter p : ps) {
            assertTrue(!p.source().isBlank(), p.path() + " has no source");
            double lo = p.distribution().quantile(0.025);
            double hi = p.distribution().quantile(0.975);
            assertTrue(lo < hi, p.path());
            assertTrue(p.value() >= p.distribution().quantile(0.001) && p.value() <= p.distribution().quantile(0.999),
                    p.path() + ": point value " + p.value() + " outside its range");
        }
    }

    @Test
    void quantilesMatchTheirDistributions() {
        ParameterDistribution.Beta b = ParameterDistribution.Beta.ofMeanSd(0.3, 0.1);
        assertEquals(0.3, b.alpha() / (b.alpha() + b.beta()), 1e-12);
        ParameterDistribution.Triangular t = new ParameterDistribution.Triangular(0, 0.5, 1);
        assertEquals(0.5, t.quantile(0.5), 1e-12);
        assertEquals(Math.sqrt(0.5 * 0.25), t.quantile(0.25), 1e-12);
        ParameterDistribution.TruncatedNormal n = new ParameterDistribution.TruncatedNormal(0, 1, 0, Double.POSITIVE_INFINITY);
        assertEquals(0.6744897501960817, n.quantile(0.5), 1e-6);   // the median of a half-normal
        // Gamma with shape 4 and mean 2 (scale 0.5): its median, not its mean (scipy gamma.ppf(0.5, 4, scale=0.5) = 1.8360304).
        assertEquals(1.836030, new ParameterDistribution.Gamma(4, 2).quantile(0.5), 1e-5);
        assertEquals(20, new ParameterDistribution.Lognormal(Math.log(20), 0.3).quantile(0.5), 1e-9);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "effects.caseload_pressure.completion: {dist: beta, mean: 0.3, sd: 0.1}|accepts values above 1",
        "effects.caseload_presure.completion: {dist: uniform, min: 0, max: 1}|did you mean 'caseload_pressure'",
        "after_exit.represent.probability.opiate: {dist: gamma, mean: 0.5, sd: 0.1}|has no upper bound (its far tail reaches 1.55333), "
                + "which the scenario refuses (must be a probability between 0 and 1, got 1.55333)",
        "assessment.workers: {dist: uniform, min: 10, max: 20}|whole numbers only",
        "effects.caseload_pressure.completion: {dist: normal, mean: 0.3, sd: 0.1}|has no lower bound",
        "budget.changes.0.change_pct: {dist: uniform, min: -120, max: 0}|must be more than -100",
        "name: {dist: uniform, min: 0, max: 1}|not a number",
        "effects.caseload_pressure.completion: {dist: uniform, min: 1, max: 0}|must be more than min",
        "effects.caseload_pressure.completion: {dist: triangular, min: 0, mode: 2, max: 1}|mode",
        "after_exit.represent.probability.opiate: {dist: beta, mean: 0.5, sd: 0.6}|too large",
        "effects.caseload_pressure.completion: {dist: uniform, min: 0, max: 1, sorce: x}|did you mean 'source'"})
    void mistakesAreNamedAtTheirLine(String entry, String expected, @TempDir Path dir) throws IOException {
        Path f = dir.resolve("t.yaml");
        Files.writeString(f, "extends: " + LEEDS + "\nname: t\nuncertainty:\n  " + entry + "\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.load(f, List.of()));
        assertTrue(e.getMessage().startsWith(f + ":4:"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains("uncertainty."), e.getMessage());
    }

    @Test
    void anUnboundedLowerTailIsProbedWhereSamplingReaches(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("t.yaml");
        // Its far tail (u = 1e-12) is about 5 - 7.03 x 0.1 = 4.3: inside the field's 0 to 100, so accepted.
        Files.writeString(f, "extends: " + LEEDS + "\nname: t\nuncertainty:\n"
                + "  effects.caseload_pressure.completion: {dist: normal, mean: 5, sd: 0.1, source: test}\n");
        assertTrue(UncertaintyReader.read(ScenarioFiles.resolve(f, List.of())).stream()
                .anyMatch(p -> p.path().equals("effects.caseload_pressure.completion") && p.distribution().lower() < 0));
    }

    @Test
    void valuesAreAppliedAndCheckedLikeSet() {
        MapNode tree = ScenarioFiles.resolve(LEEDS, List.of());
        Scenario s = ScenarioVariant.apply(tree, java.util.Map.of("effects.caseload_pressure.completion", 0.55));
        assertEquals(0.55, s.effects().pressureCompletion(), 0);
        assertThrows(ScenarioException.class,
                () -> ScenarioVariant.apply(tree, java.util.Map.of("after_exit.represent.probability.opiate", 1.5)));
    }
}
