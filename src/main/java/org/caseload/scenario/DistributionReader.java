package org.caseload.scenario;

import java.util.List;

/**
 * Reads a distribution written as {@code {dist: NAME, ...parameters}}: exponential (mean),
 * gamma (shape, mean), lognormal (median and sigma, or mean and sd), weibull (shape,
 * scale), fixed (value), uniform (min, max), empirical (values). Every parameter is checked
 * against its range in {@link Ranges} (a lognormal's sd against its own: above 0, at most the
 * longest duration).
 */
final class DistributionReader {
    static final List<String> KINDS = List.of("exponential", "gamma", "lognormal", "weibull", "fixed", "uniform", "empirical");

    private DistributionReader() {
    }

    static Distribution read(MapReader parent, String key) {
        MapReader r = parent.map(key);
        r.shapedBy("dist");
        String kind = r.string("dist");
        Distribution d = switch (kind) {
            case "exponential" -> new Distribution.Exponential(r.number("mean", Ranges.DURATION_SCALE_DAYS));
            case "gamma" -> new Distribution.Gamma(r.number("shape", Ranges.GAMMA_SHAPE), r.number("mean", Ranges.DURATION_SCALE_DAYS));
            case "lognormal" -> lognormal(r);
            case "weibull" -> new Distribution.Weibull(r.number("shape", Ranges.WEIBULL_SHAPE),
                    r.number("scale", Ranges.DURATION_SCALE_DAYS));
            case "fixed" -> new Distribution.Fixed(r.number("value", Ranges.DAYS));
            case "uniform" -> {
                double min = r.number("min", Ranges.DAYS);
                double max = r.number("max", Ranges.DAYS);
                if (max < min) r.fail("max", "must be at least min (" + Range.format(min) + "), got " + Range.format(max), r.setOnCommandLine("min"));
                yield new Distribution.Uniform(min, max);
            }
            case "empirical" -> {
                double[] v = r.numberList("values", Ranges.DAYS);
                if (v.length == 0) r.fail("values", "needs at least one value");
                if (v.length > Ranges.MAX_EMPIRICAL_VALUES) {
                    r.fail("values", "at most " + Ranges.MAX_EMPIRICAL_VALUES + " values, got " + v.length);
                }
                yield new Distribution.Empirical(v);
            }
            default -> throw r.fail("dist", "unknown distribution '" + kind + "'"
                    + Suggestions.closest(kind, KINDS).map(s -> "; did you mean '" + s + "'?").orElse("")
                    + " (one of " + String.join(", ", KINDS) + ")");
        };
        r.finish();
        return d;
    }

    private static Distribution lognormal(MapReader r) {
        if (r.has("median")) {
            return Distribution.Lognormal.ofMedian(r.number("median", Ranges.DURATION_SCALE_DAYS),
                    r.number("sigma", Ranges.LOGNORMAL_SIGMA));
        }
        double mean = r.number("mean", Ranges.DURATION_SCALE_DAYS);
        double sd = r.number("sd", Range.above(0, Ranges.MAX_DAYS));
        Distribution.Lognormal d = Distribution.Lognormal.ofMeanSd(mean, sd);
        if (!Ranges.LOGNORMAL_SIGMA.contains(d.sigma())) {
            r.fail("sd", "with mean " + Range.format(mean) + " it implies a sigma of the logarithm of "
                    + Range.formatDerived(d.sigma()) + "; " + Ranges.LOGNORMAL_SIGMA.problem(d.sigma()), r.setOnCommandLine("mean"));
        }
        return d;
    }
}
