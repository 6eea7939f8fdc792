package org.caseload.scenario;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A node of a scenario's configuration tree, remembering where it was written so that any
 * later complaint about it can name the file and line. Nodes are immutable: merging
 * ({@code extends}) and overriding ({@code --set}) build new nodes and keep the sources of
 * the ones they reuse, so an inherited value still names the file it was written in.
 */
public sealed interface ConfigNode permits MapNode, ListNode, ScalarNode {
    Source source();

    /** Dotted path from the root, list indices as numbers (e.g. {@code budget.changes.0.change_pct}). */
    String path();

    /** The same node at another path (used when merging and overriding). */
    ConfigNode withPath(String path);

    /** JSON form, for the manifest: numbers stay numbers. */
    JsonNode toJson();

    /**
     * Whether this value, or any value inside it, was given with {@code --set} (its source is
     * {@link Source#COMMAND_LINE}), so that a problem it causes is not blamed on the file.
     */
    boolean setOnCommandLine();

    /** What this is, for messages: "a section", "a list", or the value itself in quotes ("nothing" for null). */
    String describe();

    /** The path of {@code key} (a field name or list index) under {@code parent}. */
    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }
}
