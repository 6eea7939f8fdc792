package org.caseload.analysis;

import java.util.ArrayList;
import java.util.List;
import org.caseload.results.Metric;
import org.caseload.scenario.UncertainParameter;
import umontreal.ssj.rng.MRG32k3a;

/**
 * Morris elementary effects (Morris 1991, with μ* of Campolongo, Cariboni and Saltelli 2007).
 * Each trajectory starts at a random point of a 4-level grid on [0,1]^d and moves one
 * parameter at a time, in random order, by Δ = 2/3; [0,1] maps onto each parameter's central
 * 95% (2.5th to 97.5th percentile). An elementary effect is the change in a metric divided by
 * the step, so it is in the metric's units per the parameter's whole central range. μ* (mean
 * |effect|) ranks influence; σ (their spread) signals interaction or non-linearity. μ*'s 95%
 * interval is a percentile bootstrap over trajectories.
 */
public final class Morris {
    static final int LEVELS = 4;
    static final double DELTA = LEVELS / (2.0 * (LEVELS - 1));

    private Morris() {
    }

    public record Row(UncertainParameter parameter, Metric metric, double mu, double muStar, double muStarLow,
                      double muStarHigh, double sigma, int trajectories) {
    }

    /** Trajectories in [0,1]^d: {@code t[trajectory][step][parameter]}, d + 1 steps each. */
    static double[][][] trajectories(int r, int d, MRG32k3a stream) {
        double[][][] t = new double[r][d + 1][];
        for (int i = 0; i < r; i++) {
            double[] x = new double[d];
            for (int j = 0; j < d; j++) x[j] = stream.nextInt(0, LEVELS - 1) / (double) (LEVELS - 1);
            int[] order = new int[d];
            for (int j = 0; j < d; j++) order[j] = j;
            for (int j = d - 1; j > 0; j--) {
                int k = stream.nextInt(0, j);
                int tmp = order[j];
                order[j] = order[k];
                order[k] = tmp;
            }
            t[i][0] = x.clone();
            for (int step = 0; step < d; step++) {
                int j = order[step];
                x[j] = x[j] + DELTA <= 1 + 1e-12 ? x[j] + DELTA : x[j] - DELTA;
                t[i][step + 1] = x.clone();
            }
        }
        return t;
    }

    public static List<Row> run(Sensitivity.Setup s, int trajectories, MRG32k3a designStream, MRG32k3a bootstrapStream,
                                int bootstrap) {
        List<UncertainParameter> ps = s.parameters();
        int d = ps.size();
        double[][][] t = trajectories(trajectories, d, designStream);
        List<double[]> points = new ArrayList<>();
        for (double[][] traj : t) {
            for (double[] u : traj) {
                double[] v = new double[d];
                for (int j = 0; j < d; j++) v[j] = Sensitivity.central(ps.get(j), u[j]);
                points.add(v);
            }
        }
        double[][] means = Sensitivity.means(Sensitivity.evaluate(s, points, "Morris point"));
        int[][] resamples = bootstrapIndices(trajectories, bootstrap, bootstrapStream);
        List<Row> rows = new ArrayList<>();
        for (int m = 0; m < s.metrics().size(); m++) {
            double[][] ee = new double[d][trajectories];
            for (int i = 0; i < trajectories; i++) {
                for (int step = 0; step < d; step++) {
                    double[] before = t[i][step];
                    double[] after = t[i][step + 1];
                    int j = changed(before, after);
                    int p = i * (d + 1) + step;
                    ee[j][i] = (means[p + 1][m] - means[p][m]) / (after[j] - before[j]);
                }
            }
            for (int j = 0; j < d; j++) {
                double[] abs = new double[trajectories];
                for (int i = 0; i < trajectories; i++) abs[i] = Math.abs(ee[j][i]);
                double[] boot = new double[resamples.length];
                for (int b = 0; b < boot.length; b++) {
                    double sum = 0;
                    for (int i : resamples[b]) sum += abs[i];
                    boot[b] = sum / trajectories;
                }
                rows.add(new Row(ps.get(j), s.metrics().get(m), Stats.mean(ee[j]), Stats.mean(abs), Stats.quantile(boot, 0.025),
                        Stats.quantile(boot, 0.975), Math.sqrt(Stats.variance(ee[j])), trajectories));
            }
        }
        return rows;
    }

    private static int changed(double[] a, double[] b) {
        for (int j = 0; j < a.length; j++) if (a[j] != b[j]) return j;
        throw new IllegalStateException("a Morris step changed nothing");
    }

    /** Bootstrap resamples of {0..n−1}, drawn once so every metric uses the same ones. */
    static int[][] bootstrapIndices(int n, int resamples, MRG32k3a stream) {
        int[][] idx = new int[resamples][n];
        for (int b = 0; b < resamples; b++) for (int i = 0; i < n; i++) idx[b][i] = stream.nextInt(0, n - 1);
        return idx;
    }
}
