package org.caseload.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A calibration targets file: the observed figures to reproduce and the scenario parameters
 * that may move, checked against the scenario they calibrate.
 *
 * <pre>
 * replications: 8                      # per evaluation (optional)
 * targets:
 *   - {metric: in_treatment_mean, value: 1208, tolerance_pct: 5}
 *   - {metric: waiting_list_mean, value: 0, tolerance_abs: 2}   # a target of 0 needs an absolute tolerance
 * parameters:
 *   - {path: arrivals.rate_per_month, min: 40, max: 90}
 *   - {path: assessment.workers, min: 10, max: 30}             # a whole-number field: rounded
 * </pre>
 *
 * @param replications replications per evaluation the file asks for (8 if it does not say)
 */
public record CalibrationTargets(int replications, List<Target> targets, List<Parameter> parameters) {
    public static final Range REPLICATIONS = Range.whole(2, 10_000);

    public CalibrationTargets {
        targets = List.copyOf(targets);
        parameters = List.copyOf(parameters);
    }

    /**
     * A figure to reproduce: {@code |simulated − value|} is measured in units of the tolerance,
     * {@code tolerance_abs} if given, else {@code tolerance_pct}% of {@code |value|}.
     *
     * @param tolerancePct NaN when the tolerance is absolute
     * @param toleranceAbs NaN when the tolerance is a percentage
     */
    public record Target(String metric, double value, double tolerancePct, double toleranceAbs) {
        public double tolerance() {
            return Double.isNaN(toleranceAbs) ? Math.abs(value) * tolerancePct / 100 : toleranceAbs;
        }
    }

    /**
     * A parameter that may move within [min, max]. A whole-number field ({@link ScenarioReader#isWholeNumberField})
     * is rounded to the nearest whole number before each evaluation.
     */
    public record Parameter(String path, double min, double max, double initial, boolean whole) {
        /** The value simulated for the optimiser's {@code x}. */
        public double simulated(double x) {
            return whole ? Math.round(x) : x;
        }

        /** As written in a {@code --set} override: a whole-number field without ".0", others as Double.toString. */
        public String override(double x) {
            double v = simulated(x);
            return path + "=" + (whole ? String.valueOf((long) v) : String.valueOf(v));
        }
    }

    /**
     * @param file          the targets file
     * @param scenarioFile  the scenario being calibrated (its values are the starting point)
     * @param knownMetrics  the metrics the scenario reports
     */
    public static CalibrationTargets read(Path file, Path scenarioFile, Set<String> knownMetrics) {
        MapNode base = ScenarioFiles.resolve(scenarioFile, List.of());
        MapReader r = MapReader.root(YamlTree.load(file, file.toString()));
        int replications = r.integer("replications", REPLICATIONS, 8);
        List<Target> targets = new ArrayList<>();
        for (ConfigNode n : r.list("targets")) targets.add(target(MapReader.of(n), knownMetrics));
        List<Parameter> params = new ArrayList<>();
        for (ConfigNode n : r.list("parameters")) {
            MapReader p = MapReader.of(n);
            Parameter parameter = parameter(p, base, scenarioFile);
            // Two entries for one value would be fitted as two and written as one: refused.
            if (params.stream().anyMatch(q -> q.path().equals(parameter.path()))) {
                p.fail("path", "'" + parameter.path() + "' is already a parameter above; give each value once");
            }
            params.add(parameter);
        }
        r.string("description", "");
        r.finish();
        if (targets.isEmpty()) r.fail("targets", "needs at least one target");
        if (params.isEmpty()) r.fail("parameters", "needs at least one parameter");
        return new CalibrationTargets(replications, targets, params);
    }

    private static Target target(MapReader t, Set<String> known) {
        String metric = t.string("metric");
        if (!known.contains(metric)) {
            t.fail("metric", "unknown metric '" + metric + "'"
                    + Suggestions.closest(metric, known).map(x -> "; did you mean '" + x + "'?").orElse(""));
        }
        double value = t.number("value", Ranges.TARGET_VALUE);
        boolean pct = t.has("tolerance_pct");
        boolean abs = t.has("tolerance_abs");
        if (pct && abs) t.fail("tolerance_abs", "give either tolerance_pct or tolerance_abs, not both");
        if (!pct && !abs) t.fail("tolerance_pct", "missing required field (or give tolerance_abs)");
        double tolPct = pct ? t.number("tolerance_pct", Ranges.TOLERANCE_PCT) : Double.NaN;
        double tolAbs = abs ? t.number("tolerance_abs", Ranges.TOLERANCE_ABS) : Double.NaN;
        if (pct && value == 0) {
            t.fail("tolerance_pct", "a target of 0 needs an absolute tolerance: a percentage of 0 is 0; "
                    + "write tolerance_abs (in the metric's own unit) instead");
        }
        t.string("source", "");
        t.finish();
        return new Target(metric, value, tolPct, tolAbs);
    }

    private static Parameter parameter(MapReader p, MapNode base, Path scenarioFile) {
        String path = p.string("path");
        double min = p.number("min", Ranges.TARGET_VALUE);
        double max = p.number("max", Ranges.TARGET_VALUE);
        if (!(max > min)) p.fail("max", "must be more than min (" + Range.format(min) + "), got " + Range.format(max));
        p.finish();
        double initial = currentValue(base, path, p);
        if (initial < min || initial > max) {
            p.fail("path", "the scenario's value " + Range.format(initial) + " is outside [min, max]");
        }
        boolean whole = ScenarioReader.isWholeNumberField(path);
        if (whole && (min != Math.rint(min) || max != Math.rint(max))) {
            p.fail(min != Math.rint(min) ? "min" : "max", "'" + path + "' is a whole number: give whole-number min and max");
        }
        Parameter parameter = new Parameter(path, min, max, initial, whole);
        // Every value the search may try must be a valid scenario: try both ends now, not mid-search.
        for (String end : List.of("min", "max")) {
            double v = end.equals("min") ? min : max;
            try {
                ScenarioReader.read(ScenarioFiles.resolve(scenarioFile, List.of(parameter.override(v))));
            } catch (ScenarioException e) {
                p.fail(end, "the scenario does not accept " + Range.format(v) + " for " + path + ": " + e.problem());
            }
        }
        return parameter;
    }

    private static double currentValue(MapNode tree, String path, MapReader at) {
        ConfigNode n = tree;
        for (String part : path.split("\\.", -1)) {
            if (n instanceof MapNode m && m.get(part) != null) {
                n = m.get(part);
            } else if (n instanceof ListNode l && part.matches("\\d{1,9}") && Integer.parseInt(part) < l.items().size()) {
                n = l.items().get(Integer.parseInt(part));
            } else {
                throw at.fail("path", "no value at '" + path + "' in the scenario");
            }
        }
        if (!(n instanceof ScalarNode s) || s.kind() != ScalarNode.Kind.NUMBER) {
            throw at.fail("path", "'" + path + "' is " + n.describe() + " in the scenario, not a number: only numbers can be calibrated");
        }
        return Double.parseDouble(s.text());
    }
}
