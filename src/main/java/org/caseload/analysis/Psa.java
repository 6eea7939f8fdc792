package org.caseload.analysis;

import java.util.ArrayList;
import java.util.List;
import org.caseload.fault.InputException;
import org.caseload.engine.RandomStreams;
import org.caseload.results.Metric;
import org.caseload.scenario.MapNode;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.UncertainParameter;

/**
 * Probabilistic sensitivity analysis by two-level Monte Carlo: K parameter samples (outer
 * level), R replications of each (inner level). Every scenario gets the same K parameter
 * sets and, for sample k, the same substreams k·R … k·R+R−1: scenarios share random numbers
 * (common random numbers, so their differences are sharp), while different samples get
 * independent noise (which the ANOVA variance split assumes).
 */
public final class Psa {
    private final List<String> scenarios;
    private final List<UncertainParameter> parameters;
    private final double[][] values;
    private final List<Metric> metrics;
    /** data.get(s).get(k)[metric][replication]. */
    private final List<List<double[][]>> data;

    private Psa(List<String> scenarios, List<UncertainParameter> parameters, double[][] values, List<Metric> metrics,
                List<List<double[][]>> data) {
        this.scenarios = List.copyOf(scenarios);
        this.parameters = List.copyOf(parameters);
        this.values = values;
        this.metrics = List.copyOf(metrics);
        this.data = data;
    }

    /** A scenario to analyse: its name and resolved tree. */
    public record Input(String name, MapNode tree) {
    }

    public static Psa run(List<Input> inputs, List<UncertainParameter> parameters, ParameterSampler.Method method,
                          int samples, int replications, List<Metric> metrics, RandomStreams streams, Evaluator evaluator,
                          Runnable replicationDone) {
        if (parameters.isEmpty()) {
            throw new InputException(inputs.get(0).name() + " has no uncertainty section: nothing to sample (see README, PSA)");
        }
        if ((long) samples * replications > Integer.MAX_VALUE / 2) throw new InputException("--samples x --replications is too large");
        double[][] unit = ParameterSampler.unitPoints(method, samples, parameters.size(),
                ParameterSampler.stream(streams, ParameterSampler.SAMPLING_STREAM));
        double[][] values = ParameterSampler.values(unit, parameters);
        List<Evaluator.Point> points = new ArrayList<>();
        for (Input in : inputs) {
            for (int k = 0; k < samples; k++) {
                Scenario s = Variants.of(in.tree(), in.name(), parameters, values[k], "parameter sample " + (k + 1));
                points.add(new Evaluator.Point(s, k * replications, replications));
            }
        }
        List<double[][]> flat = evaluator.run(points, metrics.stream().map(Metric::name).toList(), replicationDone);
        List<List<double[][]>> data = new ArrayList<>();
        for (int s = 0; s < inputs.size(); s++) data.add(List.copyOf(flat.subList(s * samples, (s + 1) * samples)));
        return new Psa(inputs.stream().map(Input::name).toList(), parameters, values, metrics, data);
    }

    public List<String> scenarios() {
        return scenarios;
    }

    public List<UncertainParameter> parameters() {
        return parameters;
    }

    public List<Metric> metrics() {
        return metrics;
    }

    public int samples() {
        return values.length;
    }

    /** Parameter j's value in sample k. */
    public double value(int k, int j) {
        return values[k][j];
    }

    /** {@code y[k][r]} for one scenario and metric. */
    public double[][] outputs(int scenario, int metric) {
        double[][] y = new double[samples()][];
        for (int k = 0; k < y.length; k++) y[k] = data.get(scenario).get(k)[metric];
        return y;
    }

    /** Per-replication paired differences (scenario − baseline), {@code d[k][r]}. */
    public double[][] differences(int scenario, int metric) {
        double[][] a = outputs(scenario, metric);
        double[][] b = outputs(0, metric);
        double[][] d = new double[a.length][];
        for (int k = 0; k < d.length; k++) d[k] = Stats.minus(a[k], b[k]);
        return d;
    }

    /** The mean over replications of each sample. */
    public static double[] sampleMeans(double[][] y) {
        double[] m = new double[y.length];
        for (int k = 0; k < m.length; k++) m[k] = Stats.mean(y[k]);
        return m;
    }
}
