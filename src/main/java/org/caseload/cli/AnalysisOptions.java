package org.caseload.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.caseload.analysis.ParameterSampler;
import org.caseload.scenario.ScenarioReader;
import org.caseload.scenario.UncertainParameter;
import org.caseload.scenario.UncertaintyReader;

/** Checks shared by the analysis commands (psa, sensitivity). */
final class AnalysisOptions {
    private AnalysisOptions() {
    }

    static ParameterSampler.Method method(String text, int samples) {
        ParameterSampler.Method m = switch (text.toLowerCase(Locale.ROOT)) {
            case "lhs" -> ParameterSampler.Method.LHS;
            case "sobol" -> ParameterSampler.Method.SOBOL;
            default -> throw new UserException("--sampling must be lhs or sobol (got '" + text + "')");
        };
        if (m == ParameterSampler.Method.SOBOL && Integer.bitCount(samples) != 1) {
            int lower = Integer.highestOneBit(Math.max(1, samples));
            throw new UserException("--sampling sobol needs --samples to be a power of two (e.g. " + lower + " or " + lower * 2
                    + "), got " + samples);
        }
        return m;
    }

    /**
     * The first scenario's uncertain parameters; every other scenario must declare the same
     * ones (inheriting them through {@code extends} is the usual way), since all scenarios
     * share the parameter sets.
     */
    static List<UncertainParameter> sharedParameters(List<ScenarioReader.Loaded> loaded, List<Path> files) {
        List<UncertainParameter> first = UncertaintyReader.read(loaded.get(0).tree());
        if (first.isEmpty()) {
            throw new UserException(files.get(0) + " has no uncertainty section: there are no parameters to vary "
                    + "(see README, 'Uncertain parameters')");
        }
        for (int i = 1; i < loaded.size(); i++) {
            List<UncertainParameter> other = UncertaintyReader.read(loaded.get(i).tree());
            if (!describe(other).equals(describe(first))) {
                throw new UserException(files.get(i) + " declares different uncertain parameters from " + files.get(0)
                        + "; every scenario shares the same parameter sets, so give them the same uncertainty section "
                        + "(e.g. inherit it with extends)");
            }
        }
        return first;
    }

    private static List<String> describe(List<UncertainParameter> ps) {
        return ps.stream().map(p -> p.path() + "=" + p.distribution()).toList();
    }
}
