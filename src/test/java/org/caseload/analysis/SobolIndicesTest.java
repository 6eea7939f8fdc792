package org.caseload.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.caseload.engine.RandomStreams;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.MRG32k3a;

/**
 * Sobol indices of the Ishigami function f = sin x1 + a sin² x2 + b x3⁴ sin x1, x_i uniform on
 * [−π, π], a = 7, b = 0.1, whose indices are known analytically (Ishigami and Homma 1990;
 * Saltelli et al. 2008): every estimate's bootstrap 95% interval must contain the true value.
 */
class SobolIndicesTest {
    private static final double A = 7;
    private static final double B = 0.1;

    static double ishigami(double[] u) {
        double x1 = -Math.PI + 2 * Math.PI * u[0];
        double x2 = -Math.PI + 2 * Math.PI * u[1];
        double x3 = -Math.PI + 2 * Math.PI * u[2];
        return Math.sin(x1) + A * Math.sin(x2) * Math.sin(x2) + B * Math.pow(x3, 4) * Math.sin(x1);
    }

    @Test
    void ishigamiIndicesLieInsideTheirBootstrapIntervals() {
        double pi4 = Math.pow(Math.PI, 4);
        double pi8 = pi4 * pi4;
        double v1 = 0.5 * Math.pow(1 + B * pi4 / 5, 2);
        double v2 = A * A / 8;
        double v13 = 8 * B * B * pi8 / 225;
        double v = A * A / 8 + B * pi4 / 5 + B * B * pi8 / 18 + 0.5;
        double[] first = {v1 / v, v2 / v, 0};
        double[] total = {(v1 + v13) / v, v2 / v, v13 / v};
        assertEquals(0.3139, first[0], 1e-4);   // the published values, as a check on the formulas
        assertEquals(0.2437, total[2], 1e-4);

        RandomStreams streams = RandomStreams.fromSeed(1990);
        int n = 2048;
        double[][][] ab = SobolIndices.design(n, 3, streams.stream(ParameterSampler.DESIGN_STREAM, 0));
        List<double[]> points = SobolIndices.points(ab[0], ab[1]);
        double[] f = points.stream().mapToDouble(SobolIndicesTest::ishigami).toArray();
        MRG32k3a boot = streams.stream(ParameterSampler.BOOTSTRAP_STREAM, 0);
        List<SobolIndices.Index> idx = SobolIndices.estimate(f, n, 3, Morris.bootstrapIndices(n, 1000, boot), 0.95);
        for (int i = 0; i < 3; i++) {
            SobolIndices.Index x = idx.get(i);
            assertTrue(x.firstLow() <= first[i] && first[i] <= x.firstHigh(),
                    "S" + (i + 1) + " = " + first[i] + " outside " + x.firstLow() + " to " + x.firstHigh());
            assertTrue(x.totalLow() <= total[i] && total[i] <= x.totalHigh(),
                    "ST" + (i + 1) + " = " + total[i] + " outside " + x.totalLow() + " to " + x.totalHigh());
            assertTrue(x.totalHigh() - x.totalLow() < 0.2, "intervals this wide could not fail: " + x);
        }
    }

    @Test
    void anAdditiveFunctionHasEqualFirstOrderAndTotalIndices() {
        RandomStreams streams = RandomStreams.fromSeed(7);
        int n = 1024;
        double[][][] ab = SobolIndices.design(n, 2, streams.stream(ParameterSampler.DESIGN_STREAM, 0));
        double[] f = SobolIndices.points(ab[0], ab[1]).stream().mapToDouble(u -> u[0] + 2 * u[1]).toArray();
        List<SobolIndices.Index> idx = SobolIndices.estimate(f, n, 2, new int[0][], 0.95);
        // Var(u0) : Var(2 u1) = 1 : 4.
        assertEquals(0.2, idx.get(0).first(), 0.02);
        assertEquals(0.8, idx.get(1).first(), 0.02);
        assertEquals(0.2, idx.get(0).total(), 0.02);
        assertEquals(0.8, idx.get(1).total(), 0.02);
    }

    @Test
    void morrisTrajectoriesMoveOneParameterByDeltaAtEachStep() {
        double[][][] t = Morris.trajectories(20, 4, RandomStreams.fromSeed(5).stream(ParameterSampler.DESIGN_STREAM, 0));
        for (double[][] traj : t) {
            boolean[] moved = new boolean[4];
            for (int s = 0; s < 4; s++) {
                int changed = 0;
                for (int j = 0; j < 4; j++) {
                    assertTrue(traj[s + 1][j] >= -1e-12 && traj[s + 1][j] <= 1 + 1e-12);
                    if (traj[s][j] != traj[s + 1][j]) {
                        changed++;
                        moved[j] = true;
                        assertEquals(Morris.DELTA, Math.abs(traj[s + 1][j] - traj[s][j]), 1e-12);
                    }
                }
                assertEquals(1, changed);
            }
            for (boolean m : moved) assertTrue(m);
        }
    }
}
