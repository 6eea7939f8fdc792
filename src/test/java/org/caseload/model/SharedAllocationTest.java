package org.caseload.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shared rule's arithmetic: money conserved, proportional when everything moves, fixed lines fixed. */
class SharedAllocationTest {
    private static double total(double[] costs, double[] factors) {
        double s = 0;
        for (int i = 0; i < costs.length; i++) s += costs[i] * factors[i];
        return s;
    }

    private static double sum(double[] xs) {
        double s = 0;
        for (double x : xs) s += x;
        return s;
    }

    @Test
    void everyAllocationAddsUpToTheNewBudgetToThePenny() {
        Random random = new Random(20261201);
        for (int trial = 0; trial < 10_000; trial++) {
            int n = 1 + random.nextInt(12);
            double[] costs = new double[n];
            double[] weights = new double[n];
            for (int i = 0; i < n; i++) {
                costs[i] = random.nextInt(5) == 0 ? 0 : Math.round(random.nextDouble() * 5e6 * 100) / 100.0;
                weights[i] = random.nextInt(4) == 0 ? 0 : random.nextDouble() * 3;
            }
            double base = sum(costs);
            double change = base * (random.nextDouble() * 1.99 - 0.99); // from -99% to +100%
            double[] f = SharedAllocation.factors(costs, weights, change);
            for (double x : f) assertTrue(x >= 0 && Double.isFinite(x), "factor " + x + " in trial " + trial);
            if (base > 0) assertEquals(base + change, total(costs, f), 0.01, "trial " + trial);
        }
    }

    @Test
    void withEveryLineVariableACutOfXPercentMovesEachLineByXPercent() {
        double[] costs = {2_804_000, 939_214.29, 987_000, 3_746_027.16, 3_000_000};
        double[] weights = {1, 1, 1, 1, 1};
        for (double pct : new double[] {-50, -25, -10, -1, 5, 30}) {
            double[] f = SharedAllocation.factors(costs, weights, sum(costs) * pct / 100);
            for (double x : f) assertEquals(1 + pct / 100, x, 1e-12, pct + "%");
        }
    }

    @Test
    void linesOfWeightZeroStayWholeAndTheOthersShareByCostTimesWeight() {
        double[] costs = {600, 400, 1000};
        double[] weights = {1, 0.5, 0};
        double[] f = SharedAllocation.factors(costs, weights, -160);
        // 160 over 600 x 1 + 400 x 0.5 = 800: k = -0.2, so -20% and -10%; the fixed line keeps its 1,000.
        assertArrayEquals(new double[] {0.8, 0.9, 1.0}, f, 1e-12);
    }

    @Test
    void aCutBeyondTheVariableLinesEmptiesThemAndTakesTheRestFromTheFixedOnes() {
        double[] costs = {600, 400, 1000};
        double[] weights = {1, 3, 0};
        // -900: the weight-3 line would go below zero first (1 + 3k < 0), so it is emptied (-400),
        // then the 600 line takes the rest up to its whole 600, and the fixed line gives the last 0.
        double[] f = SharedAllocation.factors(costs, weights, -900);
        assertEquals(0.0, f[1], 0);
        assertEquals(1 - 500.0 / 600, f[0], 1e-12);
        assertEquals(1.0, f[2], 0);
        double[] deeper = SharedAllocation.factors(costs, weights, -1500);
        assertEquals(0.0, deeper[0], 0);
        assertEquals(0.0, deeper[1], 0);
        assertEquals(0.5, deeper[2], 1e-12, "the fixed line gives way only once the others are empty");
    }

    @Test
    void noChangeMovesNothingAndARiseIsSharedLikeACut() {
        double[] costs = {600, 400, 1000};
        double[] weights = {1, 0.5, 0};
        assertArrayEquals(new double[] {1, 1, 1}, SharedAllocation.factors(costs, weights, 1e-9), 0);
        assertArrayEquals(new double[] {1.2, 1.1, 1.0}, SharedAllocation.factors(costs, weights, 160), 1e-12);
        // No line of positive weight: the change is shared in proportion to cost.
        assertArrayEquals(new double[] {0.9, 0.9, 0.9}, SharedAllocation.factors(costs, new double[3], -200), 1e-12);
    }
}
