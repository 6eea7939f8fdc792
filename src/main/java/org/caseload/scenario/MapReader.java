package org.caseload.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads typed values out of one mapping and remembers which keys were asked for, so that
 * {@link #finish()} can report any other key as unknown, with a suggestion. Every error is a
 * {@link ScenarioException} naming the file, line and full dotted field.
 */
public final class MapReader {
    private final MapNode node;
    private final Set<String> asked = new LinkedHashSet<>();

    private MapReader(MapNode node) {
        this.node = node;
    }

    public static MapReader root(MapNode tree) {
        return new MapReader(tree);
    }

    /** A list element or other node that must be a mapping. */
    public static MapReader of(ConfigNode n) {
        if (!(n instanceof MapNode m)) {
            throw new ScenarioException(n.source(), n.path(), "expected a section (key: value pairs), got " + n.describe());
        }
        return new MapReader(m);
    }

    public String path() {
        return node.path();
    }

    public Source source() {
        return node.source();
    }

    /** Where {@code key} is written (the mapping itself if absent). */
    public Source sourceOf(String key) {
        ConfigNode v = node.get(key);
        return v != null ? v.source() : node.source();
    }

    /** Whether the key is present; does not count as asking for it. */
    public boolean has(String key) {
        return node.entries().containsKey(key);
    }

    /** All keys present (user-chosen names such as pathways); they all count as known. */
    public Set<String> keys() {
        asked.addAll(node.entries().keySet());
        return Collections.unmodifiableSet(new LinkedHashSet<>(node.entries().keySet()));
    }

    public double number(String key) {
        return toNumber(key, required(key));
    }

    public double number(String key, double dflt) {
        ConfigNode n = optional(key);
        return n == null ? dflt : toNumber(key, n);
    }

    public int integer(String key) {
        return toInteger(key, required(key));
    }

    public int integer(String key, int dflt) {
        ConfigNode n = optional(key);
        return n == null ? dflt : toInteger(key, n);
    }

    public String string(String key) {
        return toText(key, required(key));
    }

    public String string(String key, String dflt) {
        ConfigNode n = optional(key);
        return n == null ? dflt : toText(key, n);
    }

    public boolean bool(String key, boolean dflt) {
        ConfigNode n = optional(key);
        if (n == null) return dflt;
        if (n instanceof ScalarNode s && s.kind() == ScalarNode.Kind.BOOLEAN) return Boolean.parseBoolean(s.text());
        throw typeError(key, n, "true or false");
    }

    public MapReader map(String key) {
        ConfigNode n = required(key);
        if (n instanceof MapNode m) return new MapReader(m);
        throw typeError(key, n, "a section (key: value pairs)");
    }

    public Optional<MapReader> optionalMap(String key) {
        ConfigNode n = optional(key);
        if (n == null) return Optional.empty();
        return Optional.of(map(key));
    }

    public List<ConfigNode> list(String key) {
        ConfigNode n = required(key);
        if (n instanceof ListNode l) return l.items();
        throw typeError(key, n, "a list");
    }

    public Optional<List<ConfigNode>> optionalList(String key) {
        ConfigNode n = optional(key);
        return n == null ? Optional.empty() : Optional.of(list(key));
    }

    public double[] numberList(String key) {
        List<ConfigNode> items = list(key);
        double[] v = new double[items.size()];
        for (int i = 0; i < v.length; i++) v[i] = toNumber(key + "." + i, items.get(i));
        return v;
    }

    public double[] numberList(String key, double[] dflt) {
        return has(key) ? numberList(key) : markAsked(key, dflt.clone());
    }

    /** A list of names; a single name is accepted as a list of one. */
    public List<String> stringList(String key, List<String> dflt) {
        ConfigNode n = optional(key);
        if (n == null) return dflt;
        if (n instanceof ScalarNode) return List.of(toText(key, n));
        List<String> out = new ArrayList<>();
        List<ConfigNode> items = list(key);
        for (int i = 0; i < items.size(); i++) out.add(toText(key + "." + i, items.get(i)));
        return out;
    }

    /** Throws a {@link ScenarioException} about {@code key} (or about this section if null). */
    public void fail(String key, String problem) {
        if (key == null) throw new ScenarioException(node.source(), node.path(), problem);
        ConfigNode v = node.get(key);
        Source at = v != null ? v.source() : node.source();
        throw new ScenarioException(at, field(key), problem);
    }

    /** Reports the first key that nobody asked for, with the closest known key as a suggestion. */
    public void finish() {
        for (String key : node.entries().keySet()) {
            if (asked.contains(key)) continue;
            String hint = Suggestions.closest(key, asked).map(s -> "; did you mean '" + s + "'?").orElse("");
            throw new ScenarioException(node.keySource(key), field(key), "unknown field" + hint);
        }
    }

    private String field(String key) {
        return ConfigNode.child(node.path(), key);
    }

    private <T> T markAsked(String key, T value) {
        asked.add(key);
        return value;
    }

    private ConfigNode required(String key) {
        asked.add(key);
        ConfigNode n = node.get(key);
        if (n == null) {
            // A missing field is most often a misspelt one: point at the misspelling instead.
            List<String> unasked = new ArrayList<>(node.entries().keySet());
            unasked.removeAll(asked);
            Optional<String> typo = Suggestions.closest(key, unasked);
            if (typo.isPresent()) {
                throw new ScenarioException(node.keySource(typo.get()), field(typo.get()),
                        "unknown field; did you mean '" + key + "'?");
            }
        }
        if (n == null || n instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NULL) {
            throw new ScenarioException(node.source(), field(key), "missing required field");
        }
        return n;
    }

    private ConfigNode optional(String key) {
        asked.add(key);
        ConfigNode n = node.get(key);
        if (n instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NULL) return null;
        return n;
    }

    private double toNumber(String key, ConfigNode n) {
        if (n instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NUMBER) {
            try {
                double v = Double.parseDouble(s.text().replace("_", ""));
                if (Double.isFinite(v)) return v;
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw typeError(key, n, "a number");
    }

    private int toInteger(String key, ConfigNode n) {
        double v = toNumber(key, n);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) throw typeError(key, n, "a whole number");
        return (int) v;
    }

    private String toText(String key, ConfigNode n) {
        if (n instanceof ScalarNode s && s.kind() != ScalarNode.Kind.NULL) return s.text();
        throw typeError(key, n, "a name or text");
    }

    private ScenarioException typeError(String key, ConfigNode n, String expected) {
        String got = n instanceof ScalarNode s ? "'" + s.text() + "'" : n.describe();
        String field = key.contains(".") ? ConfigNode.child(node.path(), key) : field(key);
        return new ScenarioException(n.source(), field, "expected " + expected + ", got " + got);
    }
}
