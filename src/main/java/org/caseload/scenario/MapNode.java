package org.caseload.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A YAML mapping: ordered keys, each with its own source position and value. */
public record MapNode(Source source, String path, Map<String, Source> keySources, Map<String, ConfigNode> entries)
        implements ConfigNode {
    public MapNode {
        keySources = Collections.unmodifiableMap(new LinkedHashMap<>(keySources));
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public ConfigNode get(String key) {
        return entries.get(key);
    }

    public Source keySource(String key) {
        Source s = keySources.get(key);
        return s != null ? s : source;
    }

    @Override
    public boolean setOnCommandLine() {
        return entries.values().stream().anyMatch(ConfigNode::setOnCommandLine);
    }

    @Override
    public MapNode withPath(String newPath) {
        Map<String, ConfigNode> e = new LinkedHashMap<>();
        entries.forEach((k, v) -> e.put(k, v.withPath(ConfigNode.child(newPath, k))));
        return new MapNode(source, newPath, keySources, e);
    }

    @Override
    public JsonNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        entries.forEach((k, v) -> o.set(k, v.toJson()));
        return o;
    }

    @Override
    public String describe() {
        return "a section";
    }
}
