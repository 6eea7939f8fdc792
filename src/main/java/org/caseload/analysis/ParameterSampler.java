package org.caseload.analysis;

import java.util.List;
import org.caseload.engine.RandomStreams;
import org.caseload.scenario.UncertainParameter;
import umontreal.ssj.hups.LMScrambleShift;
import umontreal.ssj.hups.LatinHypercube;
import umontreal.ssj.hups.PointSet;
import umontreal.ssj.hups.SobolSequence;
import umontreal.ssj.rng.MRG32k3a;

/**
 * Points in the unit hypercube for parameter samples (SSJ {@code hups}), and their mapping to
 * parameter values by each distribution's quantile function. The randomisation draws from
 * its own stream of the experiment seed, far from the model's streams, so parameter samples
 * are reproducible and independent of the simulation's random numbers.
 */
public final class ParameterSampler {
    /** Stream indices reserved for analyses (the model's streams go up to 2^41 + k, its returners). */
    public static final long SAMPLING_STREAM = 1L << 60;
    public static final long DESIGN_STREAM = SAMPLING_STREAM + 1;
    public static final long BOOTSTRAP_STREAM = SAMPLING_STREAM + 2;

    public enum Method { LHS, SOBOL }

    private ParameterSampler() {
    }

    /**
     * n points in [0,1)^dim: a randomised Latin hypercube, or the first n points of a Sobol
     * sequence randomised by a left matrix scramble and digital random shift (n must then be a
     * power of two so the points keep their balance).
     */
    public static double[][] unitPoints(Method method, int n, int dim, MRG32k3a stream) {
        PointSet ps;
        if (method == Method.LHS) {
            LatinHypercube lhs = new LatinHypercube(n, dim);
            lhs.randomize(stream);
            ps = lhs;
        } else {
            if (Integer.bitCount(n) != 1) throw new IllegalArgumentException("Sobol points need a power of two, got " + n);
            SobolSequence sobol = new SobolSequence(Integer.numberOfTrailingZeros(n), 31, dim);
            new LMScrambleShift(stream).randomize(sobol);
            ps = sobol;
        }
        double[][] u = new double[n][dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) u[i][j] = clamp(ps.getCoordinate(i, j));
        }
        return u;
    }

    /** Parameter values of unit points: {@code values[i][j]} is parameter j's u-quantile. */
    public static double[][] values(double[][] unit, List<UncertainParameter> params) {
        double[][] v = new double[unit.length][params.size()];
        for (int i = 0; i < unit.length; i++) {
            for (int j = 0; j < params.size(); j++) v[i][j] = params.get(j).distribution().quantile(unit[i][j]);
        }
        return v;
    }

    public static MRG32k3a stream(RandomStreams streams, long index) {
        return streams.stream(index, 0);
    }

    /** Keeps a coordinate strictly inside (0,1), where every quantile function is finite. */
    static double clamp(double u) {
        return Math.min(1 - 1e-12, Math.max(1e-12, u));
    }
}
