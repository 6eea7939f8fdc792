package org.caseload.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Picking a component through the guide table finds what a plain scan finds: the first
 * component whose cumulative weight exceeds u × total, the last non-empty one if rounding
 * puts u × total at the total; over random weights with empty components among them, and at
 * the bucket bounds, where the guide's start can land past the answer.
 */
class OccupantMixTest {
    @Test
    void theGuideTableFindsWhatAScanFinds() {
        SplittableRandom r = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(300);
            double[] cumulative = new double[n];
            double acc = 0;
            for (int i = 0; i < n; i++) {
                double w = r.nextInt(4) == 0 ? 0 : r.nextDouble() * (r.nextBoolean() ? 1 : 1e-6);
                if (i == n - 1 && acc + w == 0) w = 1;
                acc += w;
                cumulative[i] = acc;
            }
            OccupantMix.Weights weights = new OccupantMix.Weights(cumulative);
            for (int k = 0; k < 2_000; k++) {
                double u = r.nextDouble();
                assertEquals(scan(cumulative, u), weights.pick(u), "n " + n + ", u " + u);
            }
            for (int b = 0; b <= n; b++) { // on and beside each bucket's bound
                for (double u : new double[] {(double) b / n, Math.nextDown((double) b / n), Math.nextUp((double) b / n)}) {
                    if (u >= 0 && u < 1) assertEquals(scan(cumulative, u), weights.pick(u), "n " + n + ", u " + u);
                }
            }
        }
    }

    /**
     * Weights whose cumulative sums sit exactly on the guide's bounds (total·b/n), picked with
     * u just around b/n: where u·n still floors to b but u·total rounds below the bound, the
     * guide's start is one past the answer and the pick must step back.
     */
    @Test
    void aGuideStartPastTheAnswerStepsBack() {
        SplittableRandom r = new SplittableRandom(11);
        int overshoots = 0;
        for (int trial = 0; trial < 20_000; trial++) {
            int n = 2 + r.nextInt(40);
            double total = 0.5 + r.nextDouble() * 1000;
            double[] cumulative = new double[n];
            for (int i = 0; i < n - 1; i++) cumulative[i] = total * (i + 1) / n;
            cumulative[n - 1] = total;
            OccupantMix.Weights weights = new OccupantMix.Weights(cumulative);
            for (int b = 1; b < n; b++) {
                double u = (double) b / n;
                for (int step = 0; step < 3; step++, u = Math.nextUp(u)) {
                    int expected = scan(cumulative, u);
                    if ((int) (u * n) == b && u * total < total * b / n) overshoots++;
                    assertEquals(expected, weights.pick(u), "n " + n + ", total " + total + ", u " + u);
                }
            }
        }
        assertEquals(true, overshoots > 0, "no case where the guide starts past the answer was tried");
    }

    private static int scan(double[] cumulative, double u) {
        double target = u * cumulative[cumulative.length - 1];
        int i = 0;
        while (i < cumulative.length - 1 && cumulative[i] <= target) i++;
        while (i > 0 && cumulative[i] == cumulative[i - 1]) i--;
        return i;
    }
}
