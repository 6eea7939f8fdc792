package org.caseload.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resolves a scenario file into one tree: follows {@code extends} (a path relative to the
 * file that names it), deep-merges child over parent, then applies {@code --set}
 * overrides. Inherited values keep their original file and line, so an error in a value
 * that came from the parent names the parent.
 */
public final class ScenarioFiles {
    static final String EXTENDS = "extends";
    /** Months simulated before reporting starts. */
    public static final String WARMUP = "warmup_months";
    /** Months of warm-up for a variant of the scenario (see {@link ScenarioVariant#asVariant}). */
    public static final String VARIANT_WARMUP = "variant_warmup_months";
    /**
     * Paths whose values leave the system's rest where it was: names, run length, changes that
     * act only from the end of the warm-up (the budget, demand steps), targets and uncertainty
     * ranges.
     */
    private static final Pattern AT_REST = Pattern.compile("(name|description|start_date|horizon_months|warmup_months"
            + "|variant_warmup_months|budget|targets|uncertainty|arrivals\\.steps)(\\..*)?");

    /**
     * Deepest chain of {@code extends} accepted: real families of scenarios are a few levels
     * deep; a limit keeps a runaway chain (generated files) from exhausting the stack.
     */
    public static final int MAX_EXTENDS_DEPTH = 32;

    private ScenarioFiles() {
    }

    /**
     * @param file      the scenario file, as the user gave it (messages use this spelling)
     * @param overrides {@code path=value} assignments, applied in order
     */
    public static MapNode resolve(Path file, List<String> overrides) {
        MapNode tree = resolveExtends(file, file.toString(), new LinkedHashMap<>(), null);
        boolean warmupSet = false;
        boolean variantWarmupSet = false;
        boolean variant = false;
        for (String o : overrides) {
            tree = override(tree, o);
            String path = o.substring(0, o.indexOf('=')).strip();
            warmupSet |= path.equals(WARMUP);
            variantWarmupSet |= path.equals(VARIANT_WARMUP);
            variant |= !AT_REST.matcher(path).matches();
        }
        if (warmupSet && !variantWarmupSet) return warmupForVariantsToo(tree);
        // Otherwise a value that changes the system from the start makes the run a variant.
        return variant && !warmupSet ? ScenarioVariant.asVariant(tree) : tree;
    }

    /**
     * A warm-up chosen without a variant warm-up (on the command line, or by a file over the
     * one it extends) is the warm-up of the scenario's variants too: an inherited, shorter
     * variant warm-up would otherwise be refused, and a longer one would ignore the choice.
     */
    private static MapNode warmupForVariantsToo(MapNode tree) {
        if (tree.get(VARIANT_WARMUP) == null || !(tree.get(WARMUP) instanceof ScalarNode w)) return tree;
        return with(tree, VARIANT_WARMUP, w);
    }

    /**
     * The tree with top-level {@code key} set to {@code value}'s number (added at the end if
     * absent, the key then placed at the tree's own source), keeping {@code value}'s source,
     * so that a message about it points where the number was written.
     */
    static MapNode with(MapNode tree, String key, ScalarNode value) {
        Map<String, ConfigNode> entries = new LinkedHashMap<>(tree.entries());
        Map<String, Source> keys = new LinkedHashMap<>(tree.keySources());
        entries.put(key, new ScalarNode(value.source(), ConfigNode.child(tree.path(), key), value.text(), value.kind()));
        keys.putIfAbsent(key, tree.source());
        return new MapNode(tree.source(), tree.path(), keys, entries);
    }

    /**
     * @param chain      the files being extended so far (absolute path to display name), to catch cycles
     * @param chainStart where the first file's {@code extends} is written (null for the first file itself)
     */
    private static MapNode resolveExtends(Path file, String displayName, Map<Path, String> chain, Source chainStart) {
        MapNode node = YamlTree.load(file, displayName);
        chain.put(file.toAbsolutePath().normalize(), displayName);
        ConfigNode ext = node.get(EXTENDS);
        if (ext == null) return node;
        Source at = ext.source();
        if (!(ext instanceof ScalarNode s) || s.kind() != ScalarNode.Kind.STRING) {
            throw new ScenarioException(at, EXTENDS, "expected the path of another scenario file, got " + ext.describe());
        }
        Path parentFile = (file.getParent() == null ? Path.of("") : file.getParent()).resolve(s.text());
        Path parentAbs = parentFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(parentFile)) {
            String why = Files.isDirectory(parentFile) ? "is a folder, not a file" : Files.exists(parentFile)
                    ? "is not a regular file" : "not found";
            throw new ScenarioException(at, EXTENDS, "file '" + s.text() + "' " + why + " (looked for " + parentAbs + ")");
        }
        if (chain.containsKey(parentAbs)) {
            throw new ScenarioException(at, EXTENDS, "'" + s.text() + "' is already being extended (a cycle: "
                    + String.join(" -> ", chain.values()) + " -> " + chain.get(parentAbs) + ")");
        }
        if (chain.size() >= MAX_EXTENDS_DEPTH) {
            List<String> names = new ArrayList<>(chain.values());
            throw new ScenarioException(chainStart, EXTENDS, "the chain of extends starting at " + names.get(0) + " is more than "
                    + MAX_EXTENDS_DEPTH + " files deep (" + names.get(0) + " -> " + names.get(1) + " -> ... -> "
                    + names.get(names.size() - 1) + " -> " + s.text() + "); merge some of the files");
        }
        MapNode parent = resolveExtends(parentFile, parentFile.normalize().toString(), chain, chainStart == null ? at : chainStart);
        Map<String, ConfigNode> childEntries = new LinkedHashMap<>(node.entries());
        Map<String, Source> childKeys = new LinkedHashMap<>(node.keySources());
        childEntries.remove(EXTENDS);
        childKeys.remove(EXTENDS);
        MapNode merged = merge(parent, new MapNode(node.source(), node.path(), childKeys, childEntries));
        if (childEntries.containsKey(WARMUP) && !childEntries.containsKey(VARIANT_WARMUP)) return warmupForVariantsToo(merged);
        return isVariant(childEntries) ? ScenarioVariant.asVariant(merged) : merged;
    }

    /**
     * Whether a file that extends another, with these values of its own, is a variant of it:
     * it changes the system from the start (a value other than names, run length, budget,
     * demand steps, targets and uncertainty) and neither gives its own
     * {@code initial_caseload} (its own rest) nor chooses its own {@code warmup_months}.
     */
    private static boolean isVariant(Map<String, ConfigNode> own) {
        if (own.containsKey("initial_caseload") || own.containsKey(WARMUP)) return false;
        return own.entrySet().stream().anyMatch(e -> changesTheSystem(e.getKey(), e.getValue()));
    }

    /** Whether the value at {@code path}, or one inside it, is outside {@link #AT_REST}. */
    private static boolean changesTheSystem(String path, ConfigNode node) {
        if (AT_REST.matcher(path).matches()) return false;
        if (!(node instanceof MapNode m) || m.entries().isEmpty()) return true;
        return m.entries().entrySet().stream().anyMatch(e -> changesTheSystem(path + "." + e.getKey(), e.getValue()));
    }

    /**
     * Child wins; maps merge recursively, except a distribution (a map with {@code dist}),
     * which is replaced whole so that no parameter of the parent's distribution lingers
     * (a parent's {@code median} beside a child's {@code mean} would be read wrongly);
     * lists and values replace the parent's whole.
     */
    static MapNode merge(MapNode parent, MapNode child) {
        Map<String, ConfigNode> entries = new LinkedHashMap<>(parent.entries());
        Map<String, Source> keys = new LinkedHashMap<>(parent.keySources());
        for (Map.Entry<String, ConfigNode> e : child.entries().entrySet()) {
            ConfigNode old = entries.get(e.getKey());
            ConfigNode value = e.getValue();
            if (old instanceof MapNode om && value instanceof MapNode cm && cm.get("dist") == null) value = merge(om, cm);
            entries.put(e.getKey(), value);
            keys.put(e.getKey(), child.keySource(e.getKey()));
        }
        return new MapNode(child.source(), child.path(), keys, entries);
    }

    /** Applies one {@code path=value} override; the new value's source is {@link Source#COMMAND_LINE}. */
    static MapNode override(MapNode root, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq < 0 || assignment.substring(0, eq).isBlank()) {
            throw new ScenarioException(Source.COMMAND_LINE, assignment, "expected PATH=VALUE, e.g. arrivals.rate_per_month=320");
        }
        String path = assignment.substring(0, eq).strip();
        String[] parts = path.split("\\.", -1);
        return (MapNode) replace(root, parts, 0, path, assignment.substring(eq + 1));
    }

    private static ConfigNode replace(ConfigNode node, String[] parts, int i, String fullPath, String value) {
        if (i == parts.length) {
            if (!(node instanceof ScalarNode)) {
                throw new ScenarioException(Source.COMMAND_LINE, fullPath,
                        "is " + node.describe() + ", not a single value; --set can only change single values");
            }
            String unclear = ScalarNode.unclearNumber(value);
            if (unclear != null) throw new ScenarioException(Source.COMMAND_LINE, fullPath, unclear);
            return ScalarNode.infer(Source.COMMAND_LINE, node.path(), value);
        }
        String part = parts[i];
        String soFar = String.join(".", Arrays.copyOf(parts, i + 1));
        if (node instanceof MapNode m) {
            ConfigNode child = m.get(part);
            if (child == null) {
                String hint = Suggestions.closest(part, m.entries().keySet()).map(s -> "; did you mean '" + s + "'?").orElse("");
                throw new ScenarioException(Source.COMMAND_LINE, fullPath, "no field '" + part + "' at '" + soFar + "'" + hint);
            }
            Map<String, ConfigNode> entries = new LinkedHashMap<>(m.entries());
            entries.put(part, replace(child, parts, i + 1, fullPath, value));
            return new MapNode(m.source(), m.path(), m.keySources(), entries);
        }
        if (node instanceof ListNode l) {
            if (!part.matches("[0-9]{1,9}")) {
                throw new ScenarioException(Source.COMMAND_LINE, fullPath,
                        "'" + String.join(".", Arrays.copyOf(parts, i)) + "' is a list: use a number (0, 1, ...), not '" + part + "'");
            }
            int index = Integer.parseInt(part);
            if (index >= l.items().size()) {
                throw new ScenarioException(Source.COMMAND_LINE, fullPath,
                        "index " + index + " is out of range: the list has " + l.items().size() + " element(s)");
            }
            List<ConfigNode> items = new ArrayList<>(l.items());
            items.set(index, replace(items.get(index), parts, i + 1, fullPath, value));
            return new ListNode(l.source(), l.path(), items);
        }
        throw new ScenarioException(Source.COMMAND_LINE, fullPath, "'" + String.join(".", Arrays.copyOf(parts, i))
                + "' is a single value; it has no field '" + part + "'");
    }
}
