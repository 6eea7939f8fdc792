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
 * {@link ScenarioException} naming the file, line and full dotted field, so code that builds
 * records from a scenario never has to format a message or know where a value came from.
 *
 * <p>Rules: a key whose value is YAML null ({@code key:} with nothing, or {@code ~}) counts
 * as absent. Numbers must be YAML numbers (a quoted {@code "300"} is text). Each reader
 * checks only its own mapping: call {@link #finish()} on every reader you create, after the
 * last getter. A reader is not thread-safe; it is meant for one pass.
 */
public final class MapReader {
    private final MapNode node;
    private final Set<String> asked = new LinkedHashSet<>();
    /** The key whose value decides which other fields this section takes (see {@link #shapedBy}), or null. */
    private String shapedBy;

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

    /** Where the value of {@code key} is written (the mapping itself if absent). */
    public Source sourceOf(String key) {
        ConfigNode v = node.get(key);
        return v != null ? v.source() : node.source();
    }

    /** Whether the value of {@code key}, or any value inside it, was given with {@code --set} (false if absent). */
    public boolean setOnCommandLine(String key) {
        ConfigNode v = node.get(key);
        return v != null && v.setOnCommandLine();
    }

    /**
     * Declares that the value of {@code key} (a distribution's {@code dist}, a capacity's
     * {@code kind}) decides which other fields this section needs. When that value was given
     * with {@code --set}, a field missing or left over is reported at the {@code --set}: the
     * section in the file was right for the value it had.
     */
    public void shapedBy(String key) {
        shapedBy = key;
    }

    /** Whether the key is present with a non-null value; does not count as asking for it. */
    public boolean has(String key) {
        return present(node.get(key)) != null;
    }

    /** All keys present, in file order (user-chosen names such as pathways); they all count as known. */
    public Set<String> keys() {
        asked.addAll(node.entries().keySet());
        return Collections.unmodifiableSet(new LinkedHashSet<>(node.entries().keySet()));
    }

    // ------------------------------------------------------------------ plain getters

    public double number(String key) {
        return toNumber(required(key));
    }

    public double number(String key, double dflt) {
        ConfigNode n = optional(key);
        return n == null ? dflt : toNumber(n);
    }

    public int integer(String key) {
        return toInteger(required(key));
    }

    public int integer(String key, int dflt) {
        ConfigNode n = optional(key);
        return n == null ? dflt : toInteger(n);
    }

    /** Text; a number or boolean is accepted as its text (a name such as {@code 2024}). */
    public String string(String key) {
        return toText(required(key));
    }

    public String string(String key, String dflt) {
        ConfigNode n = optional(key);
        return n == null ? dflt : toText(n);
    }

    public boolean bool(String key) {
        return toBool(required(key));
    }

    public boolean bool(String key, boolean dflt) {
        ConfigNode n = optional(key);
        return n == null ? dflt : toBool(n);
    }

    public MapReader map(String key) {
        return of(required(key));
    }

    public Optional<MapReader> optionalMap(String key) {
        return Optional.ofNullable(optional(key)).map(MapReader::of);
    }

    public List<ConfigNode> list(String key) {
        return toList(required(key));
    }

    public Optional<List<ConfigNode>> optionalList(String key) {
        return Optional.ofNullable(optional(key)).map(MapReader::toList);
    }

    public double[] numberList(String key) {
        return toNumbers(toList(required(key)));
    }

    public double[] numberList(String key, double[] dflt) {
        ConfigNode n = optional(key);
        return n == null ? dflt.clone() : toNumbers(toList(n));
    }

    /** A list of names; a single name is accepted as a list of one. */
    public List<String> stringList(String key, List<String> dflt) {
        ConfigNode n = optional(key);
        if (n == null) return List.copyOf(dflt);
        if (n instanceof ScalarNode) return List.of(toText(n));
        List<String> out = new ArrayList<>();
        for (ConfigNode item : toList(n)) out.add(toText(item));
        return List.copyOf(out);
    }

    // ------------------------------------------------------------------ validating getters
    // A default is returned as given, unchecked: it is the programmer's choice, not the user's.

    /** A number within {@code range} (see {@link Ranges}). */
    public double number(String key, Range range) {
        return check(key, number(key), range);
    }

    public double number(String key, Range range, double dflt) {
        return has(key) ? number(key, range) : markAsked(key, dflt);
    }

    /** A whole number within {@code range}. */
    public int integer(String key, Range range) {
        return (int) check(key, integer(key), range);
    }

    public int integer(String key, Range range, int dflt) {
        return has(key) ? integer(key, range) : markAsked(key, dflt);
    }

    /** A list of numbers, each within {@code range}; a bad one is reported at its own position. */
    public double[] numberList(String key, Range range) {
        return checkEach(key, numberList(key), range);
    }

    public double[] numberList(String key, Range range, double[] dflt) {
        return has(key) ? numberList(key, range) : markAsked(key, dflt.clone());
    }

    // ------------------------------------------------------------------ errors

    /**
     * Throws a {@link ScenarioException} about {@code key} (at its value, or at this section
     * if the key is absent). It never returns; the return type only lets callers
     * write {@code throw r.fail(...)} where the compiler needs to see that control stops.
     */
    public ScenarioException fail(String key, String problem) {
        return fail(key, problem, false);
    }

    /**
     * As {@link #fail(String, String)}, but at the {@code --set} when {@code causedBySet}: the
     * check read a value given with {@code --set} besides the value of {@code key} (a field it
     * is compared with, or the shares inside {@code key} that must add up to 1), so the line
     * in the file is not where the mistake is.
     */
    public ScenarioException fail(String key, String problem, boolean causedBySet) {
        Source at = causedBySet ? Source.COMMAND_LINE : key == null ? node.source() : sourceOf(key);
        throw new ScenarioException(at, key == null ? node.path() : field(key), problem);
    }

    /** Reports the first key that nobody asked for, with the closest asked-for key as a suggestion. */
    public void finish() {
        for (String key : node.entries().keySet()) {
            if (asked.contains(key)) continue;
            String hint = Suggestions.closest(key, asked).map(s -> "; did you mean '" + s + "'?").orElse("");
            throw new ScenarioException(shaped(node.keySource(key)), field(key), "unknown field" + hint);
        }
    }

    // ------------------------------------------------------------------ internals

    private String field(String key) {
        return ConfigNode.child(node.path(), key);
    }

    private <T> T markAsked(String key, T value) {
        asked.add(key);
        return value;
    }

    private static ConfigNode present(ConfigNode n) {
        return n instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NULL ? null : n;
    }

    private ConfigNode required(String key) {
        asked.add(key);
        ConfigNode given = node.get(key);
        ConfigNode n = present(given);
        if (n != null) return n;
        if (given != null) {
            throw new ScenarioException(given.setOnCommandLine() ? Source.COMMAND_LINE : node.keySource(key), field(key), "needs a value");
        }
        // A missing field is most often a misspelt one: point at the misspelling instead.
        List<String> unasked = new ArrayList<>(node.entries().keySet());
        unasked.removeAll(asked);
        Optional<String> typo = Suggestions.closest(key, unasked);
        if (typo.isPresent()) {
            throw new ScenarioException(shaped(node.keySource(typo.get())), field(typo.get()), "unknown field; did you mean '" + key + "'?");
        }
        throw new ScenarioException(shaped(node.source()), field(key), "missing required field");
    }

    /** Where to report a field missing or left over: {@code inFile}, or the {@code --set} that chose this section's shape. */
    private Source shaped(Source inFile) {
        return shapedBy != null && setOnCommandLine(shapedBy) ? Source.COMMAND_LINE : inFile;
    }

    private ConfigNode optional(String key) {
        asked.add(key);
        return present(node.get(key));
    }

    private double check(String key, double v, Range range) {
        String problem = range.problem(v);
        if (problem != null) fail(key, problem);
        return v;
    }

    private double[] checkEach(String key, double[] values, Range range) {
        for (int i = 0; i < values.length; i++) {
            String problem = range.problem(values[i]);
            if (problem != null) {
                ConfigNode item = ((ListNode) node.get(key)).items().get(i);
                throw new ScenarioException(item.source(), item.path(), problem);
            }
        }
        return values;
    }

    private static List<ConfigNode> toList(ConfigNode n) {
        if (n instanceof ListNode l) return l.items();
        throw typeError(n, "a list");
    }

    private static double[] toNumbers(List<ConfigNode> items) {
        double[] v = new double[items.size()];
        for (int i = 0; i < v.length; i++) v[i] = toNumber(items.get(i));
        return v;
    }

    private static double toNumber(ConfigNode n) {
        if (n instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NUMBER) return Double.parseDouble(s.text());
        throw typeError(n, "a number");
    }

    private static int toInteger(ConfigNode n) {
        double v = toNumber(n);
        if (v != Math.rint(v)) throw typeError(n, "a whole number");
        if (Math.abs(v) > Integer.MAX_VALUE) {
            throw new ScenarioException(n.source(), n.path(), "must be at most " + Integer.MAX_VALUE + ", got " + Range.format(v));
        }
        return (int) v;
    }

    private static boolean toBool(ConfigNode n) {
        if (n instanceof ScalarNode s && s.kind() == ScalarNode.Kind.BOOLEAN) return Boolean.parseBoolean(s.text());
        throw typeError(n, "true or false");
    }

    private static String toText(ConfigNode n) {
        if (n instanceof ScalarNode s && s.kind() != ScalarNode.Kind.NULL) return s.text();
        throw typeError(n, "a name or text");
    }

    private static ScenarioException typeError(ConfigNode n, String expected) {
        String hint = "";
        if (n instanceof ScalarNode s && s.kind() == ScalarNode.Kind.STRING && s.text().strip().matches("[+-]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]*)?")) {
            hint = " (write numbers without thousands separators: " + s.text().strip().replace(",", "") + ")";
        }
        return new ScenarioException(n.source(), n.path(), "expected " + expected + ", got " + n.describe() + hint);
    }
}
