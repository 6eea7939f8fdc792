package org.caseload.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.caseload.fault.InputException;
import org.caseload.results.ScenarioResult;
import org.caseload.scenario.CalibrationTargets.Parameter;
import org.caseload.scenario.CalibrationTargets.Target;
import org.caseload.scenario.CalibrationTargets;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.MapNode;
import org.caseload.scenario.ScenarioFiles;
import org.caseload.scenario.ScenarioReader;
import org.caseload.scenario.ScenarioVariant;
import org.caseload.stats.ConfidenceInterval;

/**
 * Fits chosen parameters of a scenario to observed figures. The objective is the sum over
 * targets of ((simulated mean − target) / tolerance)², every evaluation on the same seed
 * (common random numbers, so the objective is smooth enough for a derivative-free
 * optimiser); commons-math3's Nelder–Mead searches inside the bounds through a logistic
 * transform. Whole-number parameters are rounded to the nearest whole number before each
 * evaluation, so the values simulated, kept and reported are always whole.
 */
public final class Calibration {
    /** Replications of the final run at the fitted values (at least this many, for its confidence intervals). */
    public static final int MIN_FIT_REPLICATIONS = 10;

    private Calibration() {
    }

    /**
     * @param best          the fitted values (rounded for whole-number parameters), in parameter order
     * @param fitted        the same as {@code --set} overrides
     * @param evaluations   objective evaluations made
     * @param stoppedAtMax  whether the search hit the evaluation limit (the best point seen is kept)
     * @param fit           the scenario simulated at the fitted values
     */
    public record Result(double[] best, List<String> fitted, int evaluations, boolean stoppedAtMax, ScenarioResult fit) {
    }

    public static Result run(Experiment experiment, Path scenarioFile, CalibrationTargets spec, int replications,
                             int maxEvaluations) {
        List<Parameter> params = spec.parameters();
        Scenario base = ScenarioReader.read(trial(scenarioFile, List.of()));
        WorkLimits.checkHeld(List.of(base), Math.max(replications, MIN_FIT_REPLICATIONS), WorkLimits.heapBytes());
        WorkLimits.checkEvents(base, experiment.maxEvents());
        int[] evaluations = {0};
        double[] bestLoss = {Double.POSITIVE_INFINITY};
        double[][] bestSeen = {null};
        ObjectiveFunction objective = new ObjectiveFunction(z -> {
            evaluations[0]++;
            double[] x = simulated(toBounded(z, params), params);
            double l = loss(spec.targets(), simulate(experiment, scenarioFile, overrides(params, x), replications));
            if (l < bestLoss[0]) {
                bestLoss[0] = l;
                bestSeen[0] = x;
            }
            // An undefined figure (no completions, say) must not steer the search: treat it as the worst.
            return Double.isNaN(l) ? Double.POSITIVE_INFINITY : l;
        });
        double[] start = new double[params.size()];
        for (int i = 0; i < start.length; i++) start[i] = toUnbounded(params.get(i).initial(), params.get(i));
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-4, 1e-6);
        boolean stopped = false;
        try {
            optimizer.optimize(new MaxEval(maxEvaluations), objective, GoalType.MINIMIZE,
                    new InitialGuess(start), new NelderMeadSimplex(start.length, 0.6));
        } catch (TooManyEvaluationsException tooMany) {
            stopped = true;
        }
        if (bestSeen[0] == null) {
            throw new InputException("calibration found no point where every target's metric is defined (a metric was "
                    + "undefined, e.g. a rate with nothing to count, at every point tried); check the targets' metrics");
        }
        double[] best = bestSeen[0];
        List<String> fitted = overrides(params, best);
        ScenarioResult fit = simulate(experiment, scenarioFile, fitted, Math.max(replications, MIN_FIT_REPLICATIONS));
        return new Result(best, fitted, evaluations[0], stopped, fit);
    }

    /** Sum over targets of ((mean − value) / tolerance)². */
    static double loss(List<Target> targets, ScenarioResult r) {
        double sum = 0;
        for (Target t : targets) {
            double mean = ConfidenceInterval.student(r.values(t.metric()), 0.95).mean();
            double z = (mean - t.value()) / t.tolerance();
            sum += z * z;
        }
        return sum;
    }

    private static ScenarioResult simulate(Experiment e, Path scenarioFile, List<String> sets, int reps) {
        return e.run(ScenarioReader.read(trial(scenarioFile, sets)), reps);
    }

    /**
     * The scenario at the values {@code sets} gives: a variant, so it warms up for
     * {@code variant_warmup_months} where the file gives one ({@link ScenarioVariant#asVariant}),
     * as does the calibrated file written from it.
     */
    public static MapNode trial(Path scenarioFile, List<String> sets) {
        return ScenarioVariant.asVariant(ScenarioFiles.resolve(scenarioFile, sets));
    }

    private static List<String> overrides(List<Parameter> params, double[] values) {
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) sets.add(params.get(i).override(values[i]));
        return sets;
    }

    private static double[] simulated(double[] x, List<Parameter> params) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) out[i] = params.get(i).simulated(x[i]);
        return out;
    }

    /** Logistic map from the optimiser's unbounded space into [min, max]. */
    private static double[] toBounded(double[] z, List<Parameter> params) {
        double[] x = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            Parameter p = params.get(i);
            x[i] = p.min() + (p.max() - p.min()) / (1 + Math.exp(-z[i]));
        }
        return x;
    }

    private static double toUnbounded(double x, Parameter p) {
        double f = (x - p.min()) / (p.max() - p.min());
        f = Math.min(1 - 1e-6, Math.max(1e-6, f));
        return Math.log(f / (1 - f));
    }
}
