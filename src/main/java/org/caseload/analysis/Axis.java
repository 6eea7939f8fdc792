package org.caseload.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.caseload.fault.InputException;

/**
 * One varied parameter of a sweep, written {@code PATH=FROM:TO:STEP}. Levels are computed in
 * decimal arithmetic, so {@code 0:1:0.1} gives 0.3, not 0.30000000000000004, and TO is
 * included when a whole number of steps reaches it.
 *
 * @param path   dotted path, as for {@code --set}
 * @param levels the values, FROM first
 * @param spec   the text as given
 */
public record Axis(String path, List<Double> levels, String spec) {
    public static final int MAX_LEVELS = 1000;

    public Axis {
        levels = List.copyOf(levels);
    }

    public static Axis parse(String spec) {
        int eq = spec.indexOf('=');
        String[] range = eq < 0 ? new String[0] : spec.substring(eq + 1).split(":", -1);
        if (eq <= 0 || range.length != 3) {
            throw new InputException("--vary '" + spec + "': expected PATH=FROM:TO:STEP, e.g. budget.changes.0.change_pct=0:-50:-10");
        }
        String path = spec.substring(0, eq).strip();
        BigDecimal from = number(spec, "FROM", range[0]);
        BigDecimal to = number(spec, "TO", range[1]);
        BigDecimal step = number(spec, "STEP", range[2]);
        if (step.signum() == 0) throw new InputException("--vary '" + spec + "': STEP must not be 0");
        if (to.compareTo(from) != 0 && to.subtract(from).signum() != step.signum()) {
            throw new InputException("--vary '" + spec + "': STEP " + range[2].strip() + " goes away from TO; use "
                    + step.negate().toPlainString());
        }
        List<Double> levels = new ArrayList<>();
        for (BigDecimal v = from; step.signum() > 0 ? v.compareTo(to) <= 0 : v.compareTo(to) >= 0; v = v.add(step)) {
            levels.add(v.doubleValue());
            if (levels.size() > MAX_LEVELS) {
                throw new InputException("--vary '" + spec + "': more than " + MAX_LEVELS + " levels; use a larger STEP");
            }
        }
        if (levels.size() < 2) throw new InputException("--vary '" + spec + "': needs at least two levels");
        return new Axis(path, levels, spec);
    }

    private static BigDecimal number(String spec, String what, String text) {
        try {
            BigDecimal d = new BigDecimal(text.strip());
            if (!Double.isFinite(d.doubleValue())) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new InputException("--vary '" + spec + "': " + what + " '" + text.strip() + "' is not a number");
        }
    }

    /** The last part of the path, for labels (e.g. {@code staff_fte}). */
    public String shortName() {
        int i = path.lastIndexOf('.');
        String last = path.substring(i + 1);
        if (last.matches("[0-9]+") || i < 0) return path;
        return last;
    }
}
