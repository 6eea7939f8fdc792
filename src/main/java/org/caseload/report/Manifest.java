package org.caseload.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.caseload.Version;
import org.caseload.scenario.MapNode;

/**
 * {@code manifest.json}: what was run, so that a results folder explains itself: tool
 * version, the subcommand, the Java version, each scenario as resolved (after {@code extends}
 * and {@code --set}), seed and replications, and what a command adds (threads and wall time
 * only where the outputs need not be byte-identical: serve and sensitivity).
 */
public final class Manifest {
    private final ObjectNode root;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Manifest(String command, long seed, int replications, int threads) {
        this(command, seed, replications);
        root.put("threads", threads);
    }

    /**
     * A manifest without the thread count: for outputs that must be byte-identical however
     * the work was run (threads, resumed, sharded and merged).
     */
    public Manifest(String command, long seed, int replications) {
        root = mapper.createObjectNode();
        root.put("tool", "caseload");
        root.put("version", Version.VERSION);
        root.put("command", command);
        root.put("seed", seed);
        root.put("replications", replications);
        root.put("java", System.getProperty("java.version"));
        root.putArray("scenarios");
    }

    public Manifest scenario(String name, String file, List<String> overrides, MapNode resolved) {
        ObjectNode s = ((ArrayNode) root.get("scenarios")).addObject();
        s.put("name", name);
        s.put("file", file);
        ArrayNode o = s.putArray("overrides");
        overrides.forEach(o::add);
        s.set("resolved", resolved.toJson());
        return this;
    }

    public Manifest put(String key, double value) {
        root.put(key, value);
        return this;
    }

    public Manifest put(String key, long value) {
        root.put(key, value);
        return this;
    }

    public Manifest put(String key, String value) {
        root.put(key, value);
        return this;
    }

    public Manifest put(String key, Map<String, Integer> values) {
        ObjectNode n = root.putObject(key);
        values.forEach(n::put);
        return this;
    }

    public void write(Path file) {
        try {
            mapper.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
