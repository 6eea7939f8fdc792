package org.caseload.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Scenarios compared with one another run with one warm-up: the longest any of them asks
 * for. Common random numbers pair the k-th arrival of one scenario with the k-th of another
 * and time from the start of the warm-up, so a comparison whose warm-ups differed would line
 * up different people in the reporting window and lose most of its precision. The variants'
 * warm-ups ({@code variant_warmup_months}) are lined up the same way, so that an analysis of
 * the comparison keeps its points paired too.
 */
public final class ComparedScenarios {
    private ComparedScenarios() {
    }

    /**
     * The scenarios, each with the longest {@code warmup_months} and the longest
     * {@code variant_warmup_months} among them (a scenario without the latter counts its
     * {@code warmup_months}); those already at both are returned as they are.
     */
    public static List<ScenarioReader.Loaded> align(List<ScenarioReader.Loaded> loaded) {
        ScalarNode warmup = longest(loaded, ScenarioFiles.WARMUP);
        ScalarNode variant = longest(loaded, ScenarioFiles.VARIANT_WARMUP);
        int w = warmup == null ? 0 : months(warmup);
        if (variant == null || months(variant) < w) variant = warmup; // null only when no scenario has either
        List<ScenarioReader.Loaded> out = new ArrayList<>();
        for (ScenarioReader.Loaded l : loaded) {
            MapNode t = l.tree();
            if (warmup != null && months(t, ScenarioFiles.WARMUP) != w) t = ScenarioFiles.with(t, ScenarioFiles.WARMUP, warmup);
            if (variant != null && months(t, ScenarioFiles.VARIANT_WARMUP) != months(variant)) {
                t = ScenarioFiles.with(t, ScenarioFiles.VARIANT_WARMUP, variant);
            }
            out.add(t == l.tree() ? l : new ScenarioReader.Loaded(ScenarioReader.read(t), t));
        }
        return out;
    }

    /** The node holding the largest value of top-level {@code key} among the trees, or null if none has one. */
    private static ScalarNode longest(List<ScenarioReader.Loaded> loaded, String key) {
        ScalarNode best = null;
        for (ScenarioReader.Loaded l : loaded) {
            if (l.tree().get(key) instanceof ScalarNode s && (best == null || months(s) > months(best))) best = s;
        }
        return best;
    }

    /** A tree's months at {@code key}: a variant's warm-up defaults to the warm-up, the warm-up to 0. */
    private static int months(MapNode tree, String key) {
        if (tree.get(key) instanceof ScalarNode s) return months(s);
        return key.equals(ScenarioFiles.VARIANT_WARMUP) ? months(tree, ScenarioFiles.WARMUP) : 0;
    }

    /** The value of a node the reader has accepted as a whole number of months. */
    private static int months(ScalarNode s) {
        return (int) Double.parseDouble(s.text());
    }
}
