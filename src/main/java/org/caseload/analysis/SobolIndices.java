package org.caseload.analysis;

import java.util.ArrayList;
import java.util.List;
import org.caseload.results.Metric;
import org.caseload.scenario.UncertainParameter;
import umontreal.ssj.rng.MRG32k3a;

/**
 * Variance-based (Sobol) sensitivity indices by the Saltelli design: two independent sample
 * matrices A and B (the two halves of a 2d-dimensional randomised Sobol point set) and, for
 * each parameter i, A with column i taken from B (A_B^i): N(d + 2) evaluations. First-order
 * index by Saltelli et al. (2010), S_i = mean(f(B)·(f(A_B^i) − f(A))) / V; total index by
 * Jansen (1999), S_Ti = mean((f(A) − f(A_B^i))²) / (2V); V is the variance of f over A and B
 * together. 95% intervals are percentile bootstraps over the N rows.
 */
public final class SobolIndices {
    private SobolIndices() {
    }

    /** Indices of one parameter for one output, with bootstrap intervals. */
    public record Index(double first, double firstLow, double firstHigh, double total, double totalLow, double totalHigh) {
    }

    /** A and B in [0,1)^d, {@code [0]} = A, {@code [1]} = B, each N × d; N must be a power of two. */
    public static double[][][] design(int n, int d, MRG32k3a stream) {
        double[][] u = ParameterSampler.unitPoints(ParameterSampler.Method.SOBOL, n, 2 * d, stream);
        double[][] a = new double[n][d];
        double[][] b = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(u[i], 0, a[i], 0, d);
            System.arraycopy(u[i], d, b[i], 0, d);
        }
        return new double[][][] {a, b};
    }

    /** The rows to evaluate, in order: A (N), B (N), then A_B^i for i = 1..d (N each). */
    public static List<double[]> points(double[][] a, double[][] b) {
        int n = a.length;
        int d = a[0].length;
        List<double[]> out = new ArrayList<>();
        for (double[] row : a) out.add(row.clone());
        for (double[] row : b) out.add(row.clone());
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < n; k++) {
                double[] row = a[k].clone();
                row[i] = b[k][i];
                out.add(row);
            }
        }
        return out;
    }

    /**
     * @param f outputs at {@link #points}, in the same order
     * @param resamples bootstrap resamples of the rows 0..N−1
     */
    public static List<Index> estimate(double[] f, int n, int d, int[][] resamples, double level) {
        int[] all = new int[n];
        for (int k = 0; k < n; k++) all[k] = k;
        double[][] point = indices(f, n, d, all);
        double[][][] boot = new double[resamples.length][][];
        for (int r = 0; r < resamples.length; r++) boot[r] = indices(f, n, d, resamples[r]);
        List<Index> out = new ArrayList<>();
        double lo = (1 - level) / 2;
        double hi = (1 + level) / 2;
        for (int i = 0; i < d; i++) {
            double[] s1 = new double[resamples.length];
            double[] st = new double[resamples.length];
            for (int r = 0; r < resamples.length; r++) {
                s1[r] = boot[r][0][i];
                st[r] = boot[r][1][i];
            }
            out.add(new Index(point[0][i], Stats.quantile(s1, lo), Stats.quantile(s1, hi), point[1][i], Stats.quantile(st, lo),
                    Stats.quantile(st, hi)));
        }
        return out;
    }

    /** First-order and total indices from the given rows: {@code [0][i]} first, {@code [1][i]} total. */
    private static double[][] indices(double[] f, int n, int d, int[] rows) {
        double sum = 0;
        double sumSq = 0;
        int m = 0;
        for (int k : rows) {
            for (double v : new double[] {f[k], f[n + k]}) {
                sum += v;
                sumSq += v * v;
                m++;
            }
        }
        double mean = sum / m;
        double var = (sumSq - m * mean * mean) / (m - 1);
        double[][] out = new double[2][d];
        for (int i = 0; i < d; i++) {
            double first = 0;
            double total = 0;
            for (int k : rows) {
                double fa = f[k];
                double fb = f[n + k];
                double fab = f[(2 + i) * n + k];
                first += fb * (fab - fa);
                total += (fa - fab) * (fa - fab);
            }
            out[0][i] = var > 0 ? first / rows.length / var : Double.NaN;
            out[1][i] = var > 0 ? total / (2.0 * rows.length) / var : Double.NaN;
        }
        return out;
    }

    public record Row(UncertainParameter parameter, Metric metric, Index index, int baseSamples) {
    }

    /** Runs the design on the scenario (the full distributions, not only their central 95%). */
    public static List<Row> run(Sensitivity.Setup s, int n, MRG32k3a designStream, MRG32k3a bootstrapStream, int bootstrap) {
        List<UncertainParameter> ps = s.parameters();
        int d = ps.size();
        double[][][] ab = design(n, d, designStream);
        List<double[]> unit = points(ab[0], ab[1]);
        List<double[]> values = new ArrayList<>();
        for (double[] u : unit) {
            double[] v = new double[d];
            for (int j = 0; j < d; j++) v[j] = ps.get(j).distribution().quantile(u[j]);
            values.add(v);
        }
        double[][] means = Sensitivity.means(Sensitivity.evaluate(s, values, "Sobol point"));
        int[][] resamples = Morris.bootstrapIndices(n, bootstrap, bootstrapStream);
        List<Row> rows = new ArrayList<>();
        for (int m = 0; m < s.metrics().size(); m++) {
            double[] f = new double[means.length];
            for (int p = 0; p < f.length; p++) f[p] = means[p][m];
            if (java.util.Arrays.stream(f).anyMatch(Double::isNaN)) {
                Index none = new Index(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
                for (int j = 0; j < d; j++) rows.add(new Row(ps.get(j), s.metrics().get(m), none, n));
                continue;
            }
            List<Index> idx = estimate(f, n, d, resamples, 0.95);
            for (int j = 0; j < d; j++) rows.add(new Row(ps.get(j), s.metrics().get(m), idx.get(j), n));
        }
        return rows;
    }
}
