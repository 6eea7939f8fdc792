package org.caseload.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseload.fault.InputException;
import org.caseload.results.Metric;
import org.caseload.results.Metrics;
import org.caseload.scenario.MapNode;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioException;
import org.caseload.scenario.ScenarioVariant;

/**
 * A one- or two-way sweep: every combination of the axes' levels is a variant of the
 * scenario, and every variant runs replications 0..R−1 on the same random numbers (common
 * random numbers across levels), so differences between levels are paired and a
 * dose–response curve is smooth rather than jagged with noise.
 *
 * <p>Levels are numbered with the first axis varying fastest: level {@code i0 + n0·i1}.
 */
public final class Sweep {
    private final List<Axis> axes;
    private final List<Metric> metrics;
    private final List<double[][]> data;

    private Sweep(List<Axis> axes, List<Metric> metrics, List<double[][]> data) {
        this.axes = List.copyOf(axes);
        this.metrics = List.copyOf(metrics);
        this.data = List.copyOf(data);
    }

    /**
     * Builds every variant first (so a refused level stops the sweep before anything runs),
     * then runs them.
     */
    public static Sweep run(MapNode tree, Scenario base, List<Axis> axes, int replications, Evaluator evaluator,
                            Runnable replicationDone) {
        if (axes.isEmpty() || axes.size() > 2) throw new InputException("give one or two --vary options");
        if (axes.size() == 2 && axes.get(0).path().equals(axes.get(1).path())) {
            throw new InputException("--vary: both axes vary '" + axes.get(0).path() + "'");
        }
        // No source: Source.COMMAND_LINE would label the message --set, an option not given.
        for (Axis a : axes) ScenarioVariant.numberAt(tree, a.path(), null, "--vary " + a.path());
        List<Evaluator.Point> points = new ArrayList<>();
        int n0 = axes.get(0).levels().size();
        int n1 = axes.size() == 2 ? axes.get(1).levels().size() : 1;
        for (int i1 = 0; i1 < n1; i1++) {
            for (int i0 = 0; i0 < n0; i0++) {
                Map<String, Double> values = new LinkedHashMap<>();
                values.put(axes.get(0).path(), axes.get(0).levels().get(i0));
                if (n1 > 1) values.put(axes.get(1).path(), axes.get(1).levels().get(i1));
                points.add(new Evaluator.Point(variant(tree, values), 0, replications));
            }
        }
        List<Metric> metrics = AnalysisMetrics.of(List.of(base));
        List<double[][]> data = evaluator.run(points, metrics.stream().map(Metric::name).toList(), replicationDone);
        return new Sweep(axes, metrics, data);
    }

    /** A sweep of given results ({@code data.get(level)[metric][replication]}), for tests of what is said about them. */
    static Sweep of(List<Axis> axes, List<Metric> metrics, List<double[][]> data) {
        return new Sweep(axes, metrics, data);
    }

    /** A variant, or an {@link InputException} naming the {@code --vary} values that were refused. */
    static Scenario variant(MapNode tree, Map<String, Double> values) {
        try {
            return ScenarioVariant.apply(tree, values);
        } catch (ScenarioException e) {
            List<String> set = new ArrayList<>();
            values.forEach((k, v) -> set.add(k + "=" + ScenarioVariant.text(v)));
            throw new InputException("--vary: the scenario refuses " + String.join(", ", set) + ": "
                    + (e.field() == null || e.field().isEmpty() ? "" : e.field() + ": ") + e.problem());
        }
    }

    public List<Axis> axes() {
        return axes;
    }

    public List<Metric> metrics() {
        return metrics;
    }

    public int levelCount() {
        return data.size();
    }

    public int replications() {
        return data.get(0)[0].length;
    }

    /** Index of the first axis at level {@code i}. */
    public int first(int level) {
        return level % axes.get(0).levels().size();
    }

    /** Index of the second axis at level {@code i} (0 for a one-way sweep). */
    public int second(int level) {
        return level / axes.get(0).levels().size();
    }

    /** The parameter values of a level, one per axis. */
    public double[] values(int level) {
        if (axes.size() == 1) return new double[] {axes.get(0).levels().get(level)};
        return new double[] {axes.get(0).levels().get(first(level)), axes.get(1).levels().get(second(level))};
    }

    /** The level every level is compared with: the first axis at FROM, the second axis unchanged. */
    public int reference(int level) {
        return level - first(level);
    }

    /** Per-replication values of a metric at a level. */
    public double[] values(int level, int metric) {
        return data.get(level)[metric];
    }

    public int metricIndex(String name) {
        for (int i = 0; i < metrics.size(); i++) if (metrics.get(i).name().equals(name)) return i;
        throw new IllegalArgumentException("no metric " + name);
    }
}
