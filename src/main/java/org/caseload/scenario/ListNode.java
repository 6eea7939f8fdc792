package org.caseload.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/** A YAML sequence. */
public record ListNode(Source source, String path, List<ConfigNode> items) implements ConfigNode {
    public ListNode {
        items = List.copyOf(items);
    }

    @Override
    public boolean setOnCommandLine() {
        return items.stream().anyMatch(ConfigNode::setOnCommandLine);
    }

    @Override
    public ListNode withPath(String newPath) {
        List<ConfigNode> l = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) l.add(items.get(i).withPath(ConfigNode.child(newPath, String.valueOf(i))));
        return new ListNode(source, newPath, l);
    }

    @Override
    public JsonNode toJson() {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        items.forEach(i -> a.add(i.toJson()));
        return a;
    }

    @Override
    public String describe() {
        return "a list";
    }
}
