package org.caseload.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML file into a {@link ConfigNode} tree with line and column on every node,
 * using Jackson's streaming parser (data binding would lose positions). Duplicate keys,
 * malformed YAML, an empty file or a root that is not a mapping are reported as
 * {@link ScenarioException}s naming the file and line.
 */
public final class YamlTree {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTree() {
    }

    /**
     * @param file        the file to read
     * @param displayName how to name it in messages (the path as the user wrote it)
     */
    public static MapNode load(Path file, String displayName) {
        Source fileSource = new Source(displayName, 0, 0);
        if (!Files.isRegularFile(file)) {
            throw new ScenarioException(fileSource, null, "cannot read file: " + (Files.exists(file) ? "not a regular file" : "no such file"));
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonParser p = FACTORY.createParser(reader)) {
            JsonToken first = p.nextToken();
            if (first == null) throw new ScenarioException(fileSource, null, "the file is empty");
            ConfigNode root = read(p, displayName, "");
            if (!(root instanceof MapNode map)) {
                throw new ScenarioException(root.source(), null, "a scenario file must be a mapping of fields (key: value), found " + root.describe());
            }
            if (p.nextToken() != null) {
                throw new ScenarioException(at(displayName, p.currentTokenLocation()), null, "more than one YAML document in the file");
            }
            return map;
        } catch (JsonProcessingException e) {
            throw new ScenarioException(at(displayName, e.getLocation()), null, "malformed YAML: " + firstLine(e.getOriginalMessage()));
        } catch (NoSuchFileException e) {
            throw new ScenarioException(fileSource, null, "cannot read file: no such file");
        } catch (IOException e) {
            throw new ScenarioException(fileSource, null, "cannot read file: " + e.getMessage());
        }
    }

    private static ConfigNode read(JsonParser p, String file, String path) throws IOException {
        JsonToken t = p.currentToken();
        Source src = at(file, p.currentTokenLocation());
        switch (t) {
            case START_OBJECT -> {
                Map<String, ConfigNode> entries = new LinkedHashMap<>();
                Map<String, Source> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Source keySource = at(file, p.currentTokenLocation());
                    if (entries.containsKey(key)) {
                        throw new ScenarioException(keySource, ConfigNode.child(path, key),
                                "duplicate field (first at line " + keys.get(key).line() + ")");
                    }
                    p.nextToken();
                    keys.put(key, keySource);
                    entries.put(key, read(p, file, ConfigNode.child(path, key)));
                }
                return new MapNode(src, path, keys, entries);
            }
            case START_ARRAY -> {
                List<ConfigNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, file, ConfigNode.child(path, String.valueOf(items.size()))));
                }
                return new ListNode(src, path, items);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new ScalarNode(src, path, p.getText(), ScalarNode.Kind.NUMBER);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new ScalarNode(src, path, p.getText(), ScalarNode.Kind.BOOLEAN);
            }
            case VALUE_NULL -> {
                return new ScalarNode(src, path, "null", ScalarNode.Kind.NULL);
            }
            default -> {
                return new ScalarNode(src, path, p.getText(), ScalarNode.Kind.STRING);
            }
        }
    }

    static Source at(String file, JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) return new Source(file, 0, 0);
        return new Source(file, loc.getLineNr(), Math.max(1, loc.getColumnNr()));
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        String m = message.strip();
        int at = m.indexOf(" at [Source");
        if (at >= 0) m = m.substring(0, at);
        int nl = m.indexOf('\n');
        return (nl >= 0 ? m.substring(0, nl) : m).strip();
    }
}
