package org.caseload.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseload.BuildId;
import org.caseload.Version;
import org.caseload.scenario.MapNode;

/**
 * {@code manifest.json}: what was run, so that a results folder explains itself: tool
 * version and build ({@link BuildId}: the version number does not change with the model), the subcommand, the Java version, each scenario as resolved (after {@code extends}
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
        root.put("build", BuildId.current());
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

    /**
     * Adds to the folder's {@code manifest.json} (if it has one: every results folder does) the
     * list of everything in the folder, itself included ({@link OutputRules#listing}), so that a
     * later run replaces the folder only while it holds nothing else. Called on the finished
     * folder just before it is moved into place. The list is added as the last field without
     * rewriting the rest, whether the manifest is indented (this class's) or compact (a shard's).
     */
    static void recordFiles(Path folder) throws IOException {
        Path file = folder.resolve(OutputRules.MANIFEST);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return;
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int close = text.lastIndexOf('}');
        int end = close;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) end--;
        ObjectMapper json = new ObjectMapper();
        if (close < 1 || !(json.readTree(text) instanceof ObjectNode) || text.charAt(end - 1) == '{') {
            throw new IllegalStateException(file + " is not a manifest with fields");
        }
        List<String> quoted = new ArrayList<>();
        for (String f : OutputRules.listing(folder)) quoted.add(json.writeValueAsString(f));
        boolean indented = text.startsWith("{\n");
        String field = indented ? ",\n  \"" + OutputRules.FILES + "\" : [ " + String.join(", ", quoted) + " ]"
                : ",\"" + OutputRules.FILES + "\":[" + String.join(",", quoted) + "]";
        Files.writeString(file, text.substring(0, end) + field + text.substring(end), StandardCharsets.UTF_8);
    }

    public void write(Path file) {
        try {
            mapper.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
