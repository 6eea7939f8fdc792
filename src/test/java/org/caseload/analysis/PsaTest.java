package org.caseload.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.caseload.engine.RandomStreams;
import org.caseload.results.Metric;
import org.caseload.results.Metrics;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.caseload.scenario.UncertainParameter;
import org.caseload.scenario.UncertaintyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The two-level Monte Carlo recovers a known split. On an open (M/M/∞) pathway with mean
 * stay S ~ uniform(20, 60) days, the true mean number in treatment is λS (Little), so the
 * parameter variance is λ² Var(S); the simulation noise of a time average over T days is,
 * for exponential stays, 2λS²/T × (1 − S/T × (1 − e^(−T/S))), averaged over S.
 */
class PsaTest {
    private static final Path OPEN = Path.of("src/test/resources/analysis/open-stay.yaml");
    private static final int K = 32;
    private static final int R = 4;

    @Test
    void varianceSplitRecoversTheAnalyticParameterAndNoiseVariances() {
        ScenarioReader.Loaded l = ScenarioReader.load(OPEN, List.of());
        Scenario s = l.scenario();
        List<UncertainParameter> params = UncertaintyReader.read(l.tree());
        List<Metric> metrics = Metrics.forPathways(s.pathways().keySet()).stream()
                .filter(m -> m.name().equals(Metrics.IN_TREATMENT_MEAN)).toList();
        Psa psa;
        RandomStreams streams = RandomStreams.fromSeed(2007);
        try (Evaluator e = new Evaluator(streams, 2)) {
            psa = Psa.run(List.of(new Psa.Input(s.name(), l.tree())), params, ParameterSampler.Method.LHS, K, R, metrics,
                    streams, e, () -> { });
        }
        double lambda = 60 / (365.25 / 12);
        double t = 60 * 365.25 / 12;
        double parameterVariance = lambda * lambda * 40 * 40 / 12.0;
        double noise = expectedNoise(lambda, t, 20, 60);

        VarianceSplit split = VarianceSplit.estimate(psa.outputs(0, 0));
        ChiSquaredDistribution between = new ChiSquaredDistribution(null, K - 1);
        double lo = split.parameters() * (K - 1) / between.inverseCumulativeProbability(0.975);
        double hi = split.parameters() * (K - 1) / between.inverseCumulativeProbability(0.025);
        assertTrue(parameterVariance >= lo && parameterVariance <= hi,
                "parameter variance " + parameterVariance + " outside the 95% interval " + lo + " to " + hi);
        int df = K * (R - 1);
        ChiSquaredDistribution within = new ChiSquaredDistribution(null, df);
        double nlo = split.noisePerReplication() * df / within.inverseCumulativeProbability(0.975);
        double nhi = split.noisePerReplication() * df / within.inverseCumulativeProbability(0.025);
        assertTrue(noise >= nlo && noise <= nhi, "noise variance " + noise + " outside the 95% interval " + nlo + " to " + nhi);
        assertEquals(split.noisePerReplication() / R, split.noiseInSampleMeans(), 1e-9);

        PsaSummary.Row row = PsaSummary.scenarioRows(psa).get(0);
        assertTrue(lambda * 40 >= row.ciLow() && lambda * 40 <= row.ciHigh(),
                "Little: " + lambda * 40 + " outside " + row.ciLow() + " to " + row.ciHigh());
        // The 95% uncertainty interval of λS is λ × [21, 59]; the sample means add a little noise.
        assertEquals(lambda * 21, row.uiLow(), 3);
        assertEquals(lambda * 59, row.uiHigh(), 3);
    }

    /** E over S ~ uniform(a, b) of the variance of an M/M/∞ time average over [0, t] from stationarity. */
    static double expectedNoise(double lambda, double t, double a, double b) {
        int n = 2000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double s = a + (b - a) * (i + 0.5) / n;
            sum += 2 * lambda * s * s / t * (1 - s / t * (1 - Math.exp(-t / s)));
        }
        return sum / n;
    }

    @Test
    void theSplitOfAKnownTableIsExact() {
        // Two samples with means 1 and 3 (between variance 2), within variance 1 with 2 replications each.
        double[][] y = {{0.29289321881345254, 1.7071067811865475}, {2.2928932188134525, 3.7071067811865475}};
        VarianceSplit v = VarianceSplit.estimate(y);
        assertEquals(1, v.noisePerReplication(), 1e-12);
        assertEquals(0.5, v.noiseInSampleMeans(), 1e-12);
        assertEquals(1.5, v.parameters(), 1e-12);
        assertEquals(75, v.pctParameters(), 1e-9);
    }

    /**
     * A constant output has no variance to share: its parameter share is undefined whether or
     * not the mean of its equal values rounds (three 0.1s average to 0.1 plus a bit, which used
     * to leave a noise variance of 1e-34 and a share of 0), and the CSV cell is empty, as for
     * every undefined value.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(doubles = {5.0, 0.1, 0.7, 1234.56789})
    void aConstantOutputHasNoParameterShare(double c, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        double[][] y = new double[4][3];
        for (double[] row : y) java.util.Arrays.fill(row, c);
        y[1][2] = Double.NaN;
        VarianceSplit v = VarianceSplit.estimate(y);
        assertEquals(0.0, v.parameters());
        assertEquals(0.0, v.noisePerReplication());
        assertEquals(0.0, v.noiseInSampleMeans());
        assertEquals(4, v.samples());
        assertTrue(Double.isNaN(v.pctParameters()), "share of a constant output: " + v.pctParameters());

        Metric metric = Metrics.forPathways(List.of("p")).get(0);
        PsaSummary.Row row = new PsaSummary.Row("s", metric, c, c, c, c, c, v, Double.NaN, Double.NaN, Double.NaN);
        Path csv = dir.resolve("psa_summary.csv");
        org.caseload.report.PsaReport.writeSummary(csv, List.of(row), null);
        List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertTrue(lines.get(0).endsWith(",pct_parameters"), lines.get(0));
        assertTrue(lines.get(1).endsWith(",0,0,0,"), "pct_parameters is an empty cell: " + lines.get(1));
    }

    /**
     * A staff level that never moves, time-averaged over a replication, comes out as 52 give or
     * take 4e-13: constant, rounding apart, so its parameter share is undefined, not a share of
     * rounding noise (it printed 38%). The same for the difference of two such outputs, fixed at
     * different levels or at the same one.
     */
    @Test
    void anOutputConstantButForRoundingHasNoParameterShare() {
        java.util.Random rounding = new java.util.Random(1);
        double[][] base = new double[6][3];
        double[][] lower = new double[6][3];
        double[][] same = new double[6][3];
        for (int k = 0; k < 6; k++) {
            for (int r = 0; r < 3; r++) {
                base[k][r] = 52 + 4e-13 * (2 * rounding.nextDouble() - 1);
                lower[k][r] = 46.8 + 4e-13 * (2 * rounding.nextDouble() - 1);
                same[k][r] = 52 + 4e-13 * (2 * rounding.nextDouble() - 1);
            }
        }
        VarianceSplit v = VarianceSplit.estimate(base);
        assertEquals(0.0, v.parameters());
        assertTrue(Double.isNaN(v.pctParameters()), "share of a constant output: " + v.pctParameters());
        Metric metric = Metrics.forPathways(List.of("p")).get(0);
        for (double[][] alt : List.of(lower, same)) {
            PsaSummary.Row d = PsaSummary.differenceRow("alt", metric, alt, base);
            assertTrue(Double.isNaN(d.split().pctParameters()), "share of a constant difference: " + d.split().pctParameters());
        }
        assertEquals(100.0, PsaSummary.differenceRow("alt", metric, same, base).probTied());

        // Far above rounding, a small real spread still has its share.
        base[2][1] += 1e-6;
        assertFalse(Double.isNaN(VarianceSplit.estimate(base).pctParameters()), "a real spread has a defined share");
    }

    @Test
    void anOutputThatIsAllNoiseHasAShareOfZero() {
        // Equal sample means, unequal replications: the variance is all noise, a defined 0%.
        double[][] y = {{1, 2, 1}, {2, 1, 1}, {1, 1, 2}};
        VarianceSplit v = VarianceSplit.estimate(y);
        assertTrue(v.noiseInSampleMeans() > 0);
        assertEquals(0.0, v.pctParameters());
    }

    /**
     * Sets 0 and 1 have the same three replication values in another order, so their means
     * are equal; summing leaves +2.4e-15 and −2.4e-15, which must count as ties, not as worse
     * and better. Set 2 differs by 3e-5 (tiny, but far above rounding) and set 3 plainly;
     * set 4 is zero in both scenarios.
     */
    @Test
    void aDifferenceThatIsOnlyRoundingIsATieNotBetterOrWorse() {
        double[][] alt = {{115.4, 0.7, 12.3}, {115.4, 12.3, 0.7}, {50, 50, 50.0001}, {40, 41, 42}, {0, 0, 0}};
        double[][] base = {{12.3, 115.4, 0.7}, {0.7, 115.4, 12.3}, {50, 50, 50}, {50, 51, 52}, {0, 0, 0}};
        double[] noise = Psa.sampleMeans(new double[][] {Stats.minus(alt[0], base[0]), Stats.minus(alt[1], base[1])});
        assertTrue(noise[0] > 0 && noise[1] < 0, "the constructed ties must carry rounding of both signs: "
                + java.util.Arrays.toString(noise));
        Metric deaths = Metrics.forPathways(List.of()).stream().filter(m -> m.name().equals(Metrics.DEATHS_PER_YEAR))
                .findFirst().orElseThrow();
        PsaSummary.Row r = PsaSummary.differenceRow("alt", deaths, alt, base);
        // Fewer deaths is better: set 3 is better, set 2 worse, sets 0, 1 and 4 tie.
        assertEquals(20, r.probBetter(), 1e-9);
        assertEquals(20, r.probWorse(), 1e-9);
        assertEquals(60, r.probTied(), 1e-9);
        assertTrue(Double.isNaN(PsaSummary.row("s", deaths, base).probTied()), "a scenario row has no tie share");
    }

    @ParameterizedTest
    @EnumSource(ParameterSampler.Method.class)
    void everyOneDimensionalProjectionIsStratified(ParameterSampler.Method method) {
        int n = 64;
        double[][] u = ParameterSampler.unitPoints(method, n, 5, ParameterSampler.stream(RandomStreams.fromSeed(3), 1L << 60));
        for (int j = 0; j < 5; j++) {
            int[] cells = new int[n];
            for (double[] p : u) {
                assertTrue(p[j] > 0 && p[j] < 1);
                cells[(int) (p[j] * n)]++;
            }
            int[] ones = new int[n];
            java.util.Arrays.fill(ones, 1);
            assertArrayEquals(ones, cells, method + ", coordinate " + j);
        }
        double[][] again = ParameterSampler.unitPoints(method, n, 5, ParameterSampler.stream(RandomStreams.fromSeed(3), 1L << 60));
        assertTrue(java.util.Arrays.deepEquals(u, again), "same seed, same points");
    }
}
