package org.caseload.analysis;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseload.fault.InputException;

/**
 * A goal for goal-seek, written {@code metric<=40} (also {@code <}, {@code >=}, {@code >}).
 * A level meets it with 95% confidence when the one-sided 95% confidence bound of the
 * metric's mean is on the right side of the value.
 */
public record Target(String metric, String operator, double value) {
    private static final Pattern FORM = Pattern.compile("\\s*([A-Za-z0-9_]+)\\s*(<=|>=|<|>)\\s*(-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)\\s*");

    public static Target parse(String text, Collection<String> metrics) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new InputException("--target '" + text + "': expected METRIC<=VALUE (or <, >=, >), e.g. "
                    + "'caseload_per_fte_mean_intensive_keywork<=40'");
        }
        String metric = m.group(1);
        if (!metrics.contains(metric)) {
            String hint = org.caseload.scenario.Suggestions.closest(metric, metrics).map(s -> "; did you mean '" + s + "'?").orElse("");
            throw new InputException("--target '" + text + "': unknown metric '" + metric + "'" + hint);
        }
        return new Target(metric, m.group(2), Double.parseDouble(m.group(3)));
    }

    boolean upperBound() {
        return operator.startsWith("<");
    }

    /** Whether a confidence bound (the upper one for {@code <}, the lower for {@code >}) meets the target. */
    boolean metBy(double bound) {
        return switch (operator) {
            case "<=" -> bound <= value;
            case "<" -> bound < value;
            case ">=" -> bound >= value;
            default -> bound > value;
        };
    }

    @Override
    public String toString() {
        return metric + " " + operator + " " + org.caseload.scenario.ScenarioVariant.text(value);
    }
}
