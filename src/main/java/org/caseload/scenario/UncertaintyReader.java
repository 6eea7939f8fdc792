package org.caseload.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks a scenario's {@code uncertainty} section: a map from the dotted path of a
 * numeric field to a distribution, e.g.
 * {@code effects.caseload_pressure.completion: {dist: triangular, min: 0, mode: 0.3, max: 0.8, source: assumption}}.
 *
 * <p>Each path must exist and hold a number; a beta only describes a field that refuses
 * values above 1 (a probability or share); and the field must accept both ends of the
 * distribution's support, checked by writing them in and validating the whole scenario, so
 * no sampled value can be refused later by a rule the analysis did not know.
 */
public final class UncertaintyReader {
    public static final String KEY = "uncertainty";
    private static final List<String> KINDS = List.of("beta", "gamma", "lognormal", "normal", "uniform", "triangular");
    /** Stand-ins for infinite ends of a support when probing what a field accepts. */
    private static final double FAR = 1e12;
    private static final double TINY = 1e-300;
    private static final double FAR_TAIL = 1e-12;

    private UncertaintyReader() {
    }

    /** The uncertain parameters in file order; empty if there is no section. */
    public static List<UncertainParameter> read(MapNode tree) {
        ConfigNode section = tree.get(KEY);
        if (section == null || section instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NULL) return List.of();
        MapReader r = MapReader.of(section);
        List<UncertainParameter> out = new ArrayList<>();
        for (String path : r.keys()) {
            Source at = ((MapNode) section).keySource(path);
            String field = KEY + "." + path;
            double value = ScenarioVariant.numberAt(tree, path, at, field);
            MapReader d = MapReader.of(((MapNode) section).get(path));
            ParameterDistribution dist = distribution(d);
            String source = d.string("source", "");
            d.finish();
            checkAccepted(tree, path, value, dist, at, field);
            out.add(new UncertainParameter(path, value, dist, source, at));
        }
        r.finish();
        return out;
    }

    private static ParameterDistribution distribution(MapReader r) {
        String kind = r.string("dist");
        switch (kind) {
            case "beta" -> {
                if (r.has("mean") || r.has("sd")) {
                    double mean = r.number("mean");
                    if (!(mean > 0 && mean < 1)) r.fail("mean", "must be between 0 and 1 (exclusive), got " + fmt(mean));
                    double sd = positive(r, "sd");
                    if (!(sd * sd < mean * (1 - mean))) {
                        r.fail("sd", "is too large for a beta with mean " + fmt(mean) + ": it must be below "
                                + fmt(Math.sqrt(mean * (1 - mean))));
                    }
                    return ParameterDistribution.Beta.ofMeanSd(mean, sd);
                }
                return new ParameterDistribution.Beta(positive(r, "alpha"), positive(r, "beta"));
            }
            case "gamma" -> {
                double mean = positive(r, "mean");
                if (r.has("sd")) return ParameterDistribution.Gamma.ofMeanSd(mean, positive(r, "sd"));
                return new ParameterDistribution.Gamma(positive(r, "shape"), mean);
            }
            case "lognormal" -> {
                if (r.has("median")) {
                    double median = positive(r, "median");
                    return new ParameterDistribution.Lognormal(Math.log(median), positive(r, "sigma"));
                }
                return ParameterDistribution.Lognormal.ofMeanSd(positive(r, "mean"), positive(r, "sd"));
            }
            case "normal" -> {
                double mean = r.number("mean");
                double sd = positive(r, "sd");
                double min = r.number("min", Double.NEGATIVE_INFINITY);
                double max = r.number("max", Double.POSITIVE_INFINITY);
                if (!(max > min)) r.fail("max", "must be more than min (" + fmt(min) + "), got " + fmt(max));
                ParameterDistribution.TruncatedNormal n = new ParameterDistribution.TruncatedNormal(mean, sd, min, max);
                if (!(n.mass() > 1e-9)) r.fail(null, "the range min to max holds almost none of the normal's probability");
                return n;
            }
            case "uniform" -> {
                double min = r.number("min");
                double max = r.number("max");
                if (!(max > min)) r.fail("max", "must be more than min (" + fmt(min) + "), got " + fmt(max));
                return new ParameterDistribution.Uniform(min, max);
            }
            case "triangular" -> {
                double min = r.number("min");
                double mode = r.number("mode");
                double max = r.number("max");
                if (!(max > min)) r.fail("max", "must be more than min (" + fmt(min) + "), got " + fmt(max));
                if (!(mode >= min && mode <= max)) r.fail("mode", "must be between min and max, got " + fmt(mode));
                return new ParameterDistribution.Triangular(min, mode, max);
            }
            default -> {
                String hint = Suggestions.closest(kind, KINDS).map(s -> "; did you mean '" + s + "'?").orElse("");
                throw r.fail("dist", "unknown distribution '" + kind + "'" + hint + " (one of " + String.join(", ", KINDS) + ")");
            }
        }
    }

    /**
     * Writes the ends of the support (and, for a beta, a value above 1; for a whole-number
     * field, a fraction) into the scenario and validates it, reporting any refusal at the
     * uncertainty entry.
     */
    private static void checkAccepted(MapNode tree, String path, double value, ParameterDistribution d, Source at, String field) {
        if (refusal(tree, path, value + 0.5) != null && refusal(tree, path, value + 1) == null) {
            throw new ScenarioException(at, field, "'" + path + "' takes whole numbers only; an uncertain parameter must be "
                    + "a continuous quantity");
        }
        if (d instanceof ParameterDistribution.Beta && refusal(tree, path, 2) == null) {
            throw new ScenarioException(at, field, "a beta describes a probability, but '" + path
                    + "' accepts values above 1; use gamma, lognormal, normal, uniform or triangular");
        }
        // An unbounded tail is probed where sampling can reach: no point of a Latin hypercube or Sobol
        // sequence is closer to 0 or 1 than FAR_TAIL (ParameterSampler.clamp).
        // A far tail is rounded outwards to 6 significant digits, so that the message shows the value probed as a reader would write it.
        double lo = Double.isInfinite(d.lower()) ? Math.max(-FAR, outwards(d.quantile(FAR_TAIL), java.math.RoundingMode.FLOOR))
                : d.lowerOpen() ? d.lower() + TINY : d.lower();
        double hi = Double.isInfinite(d.upper()) ? Math.min(FAR, outwards(d.quantile(1 - FAR_TAIL), java.math.RoundingMode.CEILING))
                : d.upper();
        for (double probe : new double[] {lo, hi}) {
            String problem = refusal(tree, path, probe);
            if (problem != null) {
                String end = Double.isInfinite(probe == lo ? d.lower() : d.upper()) ? "has no " + (probe == lo ? "lower" : "upper")
                        + " bound (its far tail reaches " + fmt(probe) + ")"
                        : "reaches " + fmt(probe == lo ? d.lower() : d.upper());
                throw new ScenarioException(at, field, "its distribution " + d.describe() + " " + end
                        + ", which the scenario refuses (" + problem + "); narrow the distribution");
            }
        }
    }

    /** Why the scenario refuses {@code path = v}, or null if it accepts it. */
    private static String refusal(MapNode tree, String path, double v) {
        Map<String, Double> one = new LinkedHashMap<>();
        one.put(path, v);
        try {
            ScenarioVariant.apply(tree, one);
            return null;
        } catch (ScenarioException e) {
            return e.problem();
        }
    }

    private static double positive(MapReader r, String key) {
        double v = r.number(key);
        if (!(v > 0)) r.fail(key, "must be more than 0, got " + fmt(v));
        return v;
    }

    private static double outwards(double v, java.math.RoundingMode mode) {
        if (!Double.isFinite(v) || v == 0) return v;
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6, mode)).doubleValue();
    }

    private static String fmt(double v) {
        return ScenarioVariant.text(v);
    }
}
