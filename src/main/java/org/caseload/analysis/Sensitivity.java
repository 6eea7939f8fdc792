package org.caseload.analysis;

import java.util.ArrayList;
import java.util.List;
import org.caseload.results.Metric;
import org.caseload.scenario.MapNode;
import org.caseload.scenario.UncertainParameter;

/**
 * Runs the design points of a sensitivity analysis. Every point uses replications 0..R−1 on
 * the same random numbers (common random numbers), so the difference between two points is
 * the parameters' effect plus little noise: what elementary effects, tornado swings and the
 * Saltelli/Jansen estimators, all built on differences, need.
 */
public final class Sensitivity {
    /** Tornado and Morris work inside each distribution's central 95%. */
    public static final double LOW_QUANTILE = 0.025;
    public static final double HIGH_QUANTILE = 0.975;

    private Sensitivity() {
    }

    /** The scenario to analyse and how to run its points. */
    public record Setup(String name, MapNode tree, List<UncertainParameter> parameters, List<Metric> metrics, int replications,
                        Evaluator evaluator, Runnable replicationDone) {
    }

    /** @return for each point (parameter values), {@code values[metric][replication]} */
    static List<double[][]> evaluate(Setup s, List<double[]> points, String what) {
        List<Evaluator.Point> ps = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            ps.add(new Evaluator.Point(Variants.of(s.tree(), s.name(), s.parameters(), points.get(i), what + " " + (i + 1)), 0,
                    s.replications()));
        }
        return s.evaluator().run(ps, s.metrics().stream().map(Metric::name).toList(), s.replicationDone());
    }

    /** The mean over replications of every point, {@code means[point][metric]}. */
    static double[][] means(List<double[][]> data) {
        double[][] m = new double[data.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = new double[data.get(i).length];
            for (int k = 0; k < m[i].length; k++) m[i][k] = Stats.mean(data.get(i)[k]);
        }
        return m;
    }

    /** Value of a parameter at a point of [0,1] mapped onto its central 95%. */
    static double central(UncertainParameter p, double u) {
        return p.distribution().quantile(LOW_QUANTILE + (HIGH_QUANTILE - LOW_QUANTILE) * u);
    }
}
