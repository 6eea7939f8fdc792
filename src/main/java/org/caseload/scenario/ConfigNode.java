package org.caseload.scenario;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A node of a scenario's configuration tree, remembering where it was written so that any
 * later complaint about it can name the file and line. Nodes are immutable.
 */
public sealed interface ConfigNode permits MapNode, ListNode, ScalarNode {
    Source source();

    /** Dotted path from the root, list indices as numbers (e.g. {@code budget.changes.0.change_pct}). */
    String path();

    /** The same node at another path (used when merging and overriding). */
    ConfigNode withPath(String path);

    /** JSON form, for the manifest: numbers stay numbers. */
    JsonNode toJson();

    /** What kind of thing this is, for messages ("a section", "a list", "a value"). */
    String describe();

    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }
}
