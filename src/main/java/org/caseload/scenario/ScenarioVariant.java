package org.caseload.scenario;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A scenario with some numeric values changed, built the way {@code --set path=value} builds
 * one (override the resolved tree, then read and validate it whole), so a value chosen by a
 * sweep or drawn for an uncertainty analysis is checked exactly like one written in a file.
 *
 * <p>A variant starts from its scenario's {@code initial_caseload}, which is the scenario's
 * rest, not the variant's, so it runs with the scenario's {@code variant_warmup_months} when
 * the scenario gives one ({@link #asVariant}).
 */
public final class ScenarioVariant {
    private ScenarioVariant() {
    }

    /**
     * @param tree   the resolved tree of a scenario (after {@code extends} and {@code --set})
     * @param values path → value, applied in order
     * @throws ScenarioException if a path does not exist or a value is refused
     */
    public static Scenario apply(MapNode tree, Map<String, Double> values) {
        return ScenarioReader.read(override(tree, values));
    }

    /**
     * The tree with the values written in, as a variant ({@link #asVariant}) unless they choose
     * the warm-up itself (a sweep of {@code warmup_months}); not validated.
     */
    public static MapNode override(MapNode tree, Map<String, Double> values) {
        MapNode t = tree;
        for (Map.Entry<String, Double> e : values.entrySet()) t = ScenarioFiles.override(t, e.getKey() + "=" + text(e.getValue()));
        return values.containsKey(ScenarioFiles.WARMUP) ? t : asVariant(t);
    }

    /**
     * Whether the tree's warm-up is the variant warm-up a file gives, put there by
     * {@link #asVariant}: its value then stands where {@code variant_warmup_months} was
     * written, on another line than the key {@code warmup_months} (one chosen on the command
     * line is not told apart: false).
     */
    public static boolean isVariant(MapNode tree) {
        Source key = tree.keySource(ScenarioFiles.WARMUP);
        return tree.get(ScenarioFiles.WARMUP) instanceof ScalarNode w && tree.get(ScenarioFiles.VARIANT_WARMUP) instanceof ScalarNode v
                && !Source.COMMAND_LINE.equals(v.source()) && w.source().equals(v.source())
                && !(w.source().file().equals(key.file()) && w.source().line() == key.line());
    }

    /**
     * The tree of a variant: {@code warmup_months} becomes the scenario's
     * {@code variant_warmup_months} when it gives one (the tree unchanged otherwise). Every
     * design point of a sweep, uncertainty or sensitivity analysis and every calibration trial
     * is a variant, whatever its values, so that all of one analysis's points share one
     * warm-up and their common random numbers stay paired.
     */
    public static MapNode asVariant(MapNode tree) {
        ConfigNode v = tree.get(ScenarioFiles.VARIANT_WARMUP);
        if (!(v instanceof ScalarNode s)) return tree; // absent, or not a number: the reader says so
        return ScenarioFiles.with(tree, ScenarioFiles.WARMUP, s);
    }

    /**
     * The number at a dotted path of the tree.
     *
     * @throws ScenarioException (naming {@code at} and {@code field}) if the path does not
     *                           exist or does not hold a number
     */
    public static double numberAt(MapNode tree, String path, Source at, String field) {
        ConfigNode node = tree;
        String[] parts = path.split("\\.", -1);
        StringBuilder soFar = new StringBuilder();
        for (String part : parts) {
            String parent = soFar.toString();
            if (soFar.length() > 0) soFar.append('.');
            soFar.append(part);
            if (node instanceof MapNode m) {
                ConfigNode child = m.get(part);
                if (child == null) {
                    String hint = Suggestions.closest(part, m.entries().keySet()).map(s -> "; did you mean '" + s + "'?").orElse("");
                    throw new ScenarioException(at, field, "'" + path + "' does not exist: no field '" + part + "'"
                            + (parent.isEmpty() ? "" : " in '" + parent + "'") + hint);
                }
                node = child;
            } else if (node instanceof ListNode l) {
                if (!part.matches("[0-9]{1,9}") || Integer.parseInt(part) >= l.items().size()) {
                    throw new ScenarioException(at, field, "'" + path + "' does not exist: '" + parent + "' is a list of "
                            + l.items().size() + " element(s); use an index from 0");
                }
                node = l.items().get(Integer.parseInt(part));
            } else {
                throw new ScenarioException(at, field, "'" + path + "' does not exist: '" + parent + "' is a single value");
            }
        }
        if (!(node instanceof ScalarNode s) || s.kind() != ScalarNode.Kind.NUMBER) {
            throw new ScenarioException(at, field, "'" + path + "' is " + node.describe() + ", not a number");
        }
        return Double.parseDouble(s.text());
    }

    /** A number as a scenario value: whole numbers without ".0", others in full precision. */
    public static String text(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        return BigDecimal.valueOf(v).stripTrailingZeros().toString();
    }
}
