package org.caseload.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.caseload.BuildId;
import org.caseload.Version;
import org.caseload.fault.InputException;
import org.caseload.scenario.MapNode;
import org.caseload.scenario.ScenarioReader;

/**
 * What identifies a batch of replications: the command, tool version and build, scenario files
 * as given with a hash of each resolved scenario, overrides, seed, replication count, comparison
 * options, event log, an analysis's design and work items, and the slice. Written as
 * {@code batch.json} in a resumable run's working folder and as the {@code manifest.json} of a
 * shard folder; a resume or a merge accepts only records that agree (see {@link #differenceFrom}),
 * and only records of this build ({@link #read}, {@link #readShard}): the version number stays
 * the same while the model changes, and results of two models must never be mixed.
 *
 * @param command            "run", "compare", "psa" or "sweep"
 * @param version            tool version that wrote it
 * @param build              the build that wrote it ({@link BuildId}); empty in a record of a caseload that did not
 *                           record it
 * @param files              scenario files as given on the command line
 * @param overrides          {@code --set} values, in order
 * @param scenarios          each scenario's name and the SHA-256 of its resolved tree
 * @param seed               experiment seed
 * @param replications       replications of the whole batch (not of the slice); for a {@code --precision} run its cap
 * @param alpha              significance level (compare) or NaN (the others; sweep's is in its design)
 * @param independentStreams whether common random numbers were switched off
 * @param slice              which slice of the replications this record covers
 * @param eventLog           how many first replications write a per-person event log (0: none)
 * @param design             an analysis's own options ({@code psa}: samples and sampling; {@code sweep}: the axes,
 *                           target and alpha) or a run's {@code --precision} and its cap, as given; else empty
 * @param items              an analysis's work items (design points × replications), which its slices divide; 0 for
 *                           run and compare, whose slices divide the replications
 */
public record BatchSpec(String command, String version, String build, List<String> files, List<String> overrides,
                        List<ScenarioId> scenarios, long seed, int replications, double alpha, boolean independentStreams,
                        Slice slice, int eventLog, List<String> design, int items) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A scenario's name and the SHA-256 (hex) of its resolved tree (after extends and --set). */
    public record ScenarioId(String name, String sha256) {
    }

    /** A batch without an event log. */
    public BatchSpec(String command, String version, List<String> files, List<String> overrides, List<ScenarioId> scenarios,
                     long seed, int replications, double alpha, boolean independentStreams, Slice slice) {
        this(command, version, files, overrides, scenarios, seed, replications, alpha, independentStreams, slice, 0);
    }

    /** A batch of replications (run or compare), by this build. */
    public BatchSpec(String command, String version, List<String> files, List<String> overrides, List<ScenarioId> scenarios,
                     long seed, int replications, double alpha, boolean independentStreams, Slice slice, int eventLog) {
        this(command, version, BuildId.current(), files, overrides, scenarios, seed, replications, alpha, independentStreams, slice,
                eventLog, List.of(), 0);
    }

    public BatchSpec {
        files = List.copyOf(files);
        overrides = List.copyOf(overrides);
        scenarios = List.copyOf(scenarios);
        design = List.copyOf(design);
    }

    /**
     * The record of a batch of the scenarios {@code loaded} (read from {@code files} with
     * {@code overrides}), by this version of the tool.
     */
    public static BatchSpec of(String command, List<Path> files, List<ScenarioReader.Loaded> loaded, List<String> overrides,
                               long seed, int replications, double alpha, boolean independentStreams, Slice slice,
                               List<String> design, int items) {
        List<ScenarioId> ids = new ArrayList<>();
        for (ScenarioReader.Loaded l : loaded) ids.add(new ScenarioId(l.scenario().name(), hash(l.tree())));
        return new BatchSpec(command, Version.VERSION, BuildId.current(), files.stream().map(Path::toString).toList(), overrides, ids, seed,
                replications, alpha, independentStreams, slice, 0, design, items);
    }

    /**
     * The command line (after {@code caseload COMMAND}) that runs this batch again: the files,
     * every {@code --set}, {@code --replications} (unless a {@code --precision} run's design
     * chooses it), the seed, the design, and a comparison's {@code --alpha} (when not 0.05) and
     * {@code --independent-streams}. Never how it ran (threads, folders, slice, event log).
     */
    public List<String> arguments() {
        return arguments(files);
    }

    /** As {@link #arguments()}, for some of its files (e.g. one scenario of a run of several). */
    public List<String> arguments(List<String> someFiles) {
        List<String> args = new ArrayList<>(someFiles);
        for (String o : overrides) args.addAll(List.of("--set", o));
        if (design.isEmpty() || items > 0) args.addAll(List.of("--replications", String.valueOf(replications)));
        args.addAll(List.of("--seed", String.valueOf(seed)));
        args.addAll(design);
        if ("compare".equals(command)) args.addAll(comparisonOptions(alpha, independentStreams));
        return args;
    }

    /** A comparison's options in a command line: --alpha when not the default 0.05, and --independent-streams. */
    public static List<String> comparisonOptions(double alpha, boolean independentStreams) {
        List<String> more = new ArrayList<>();
        if (alpha != 0.05) more.addAll(List.of("--alpha", String.valueOf(alpha)));
        if (independentStreams) more.add("--independent-streams");
        return more;
    }

    /** What the slices divide: an analysis's work items, or a batch's replications. */
    public int sliced() {
        return items > 0 ? items : replications;
    }

    /** The hash that identifies a resolved scenario: SHA-256 of its canonical JSON. */
    public static String hash(MapNode resolved) {
        return sha256(resolved.toJson().toString());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This batch with another slice. */
    public BatchSpec withSlice(Slice s) {
        return new BatchSpec(command, version, build, files, overrides, scenarios, seed, replications, alpha, independentStreams,
                s, eventLog, design, items);
    }

    /** This batch with event logs of its first {@code n} replications. */
    public BatchSpec withEventLog(int n) {
        return new BatchSpec(command, version, build, files, overrides, scenarios, seed, replications, alpha, independentStreams,
                slice, n, design, items);
    }

    /**
     * Why {@code other} is not the same batch (slices aside), in words naming the first field
     * that differs, or null when it is the same batch.
     */
    public String differenceFrom(BatchSpec other) {
        if (!command.equals(other.command)) return "one is a '" + command + "', the other a '" + other.command + "'";
        if (!version.equals(other.version)) return "caseload version " + version + " vs " + other.version;
        if (!build.equals(other.build)) return "caseload build " + shown(build) + " vs " + shown(other.build);
        if (scenarios.size() != other.scenarios.size()) return "different numbers of scenarios";
        for (int i = 0; i < scenarios.size(); i++) {
            if (!scenarios.get(i).name().equals(other.scenarios.get(i).name())) {
                return "scenario " + (i + 1) + " is '" + scenarios.get(i).name() + "' vs '" + other.scenarios.get(i).name() + "'";
            }
            if (!scenarios.get(i).sha256().equals(other.scenarios.get(i).sha256())) {
                return "scenario '" + scenarios.get(i).name() + "' differs (its file or the --set values changed)";
            }
        }
        if (!overrides.equals(other.overrides)) return "--set " + overrides + " vs " + other.overrides;
        if (seed != other.seed) return "--seed " + seed + " vs " + other.seed;
        if (replications != other.replications) return "--replications " + replications + " vs " + other.replications;
        if (Double.compare(alpha, other.alpha) != 0) return "--alpha " + alpha + " vs " + other.alpha;
        if (independentStreams != other.independentStreams) return "--independent-streams on one and not the other";
        if (eventLog != other.eventLog) return "--event-log " + eventLog + " vs " + other.eventLog;
        if (!design.equals(other.design)) return String.join(" ", design) + " vs " + String.join(" ", other.design);
        if (items != other.items) return items + " work items vs " + other.items;
        if (!files.equals(other.files)) return "scenario files " + files + " vs " + other.files;
        return null;
    }

    public void write(Path file) {
        try {
            Files.writeString(file, text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What identifies this batch and slice in a journal's header ({@link Journal}): the SHA-256
     * (hex) of the record as {@link #write} writes it, so every field of the record counts.
     */
    public String id() {
        return sha256(text());
    }

    /** The record as {@link #write} writes it. */
    private String text() {
        ObjectNode o = JSON.createObjectNode();
        o.put("tool", "caseload");
        o.put("version", version);
        o.put("command", command);
        ArrayNode sc = o.putArray("scenarios");
        for (int i = 0; i < scenarios.size(); i++) {
            ObjectNode s = sc.addObject();
            s.put("name", scenarios.get(i).name());
            s.put("file", files.get(i));
            s.put("sha256", scenarios.get(i).sha256());
        }
        ArrayNode ov = o.putArray("overrides");
        overrides.forEach(ov::add);
        o.put("seed", seed);
        o.put("replications", replications);
        if (!Double.isNaN(alpha)) o.put("alpha", alpha);
        o.put("independent_streams", independentStreams);
        if (eventLog > 0) o.put("event_log", eventLog); // absent when off: records stay as they were
        if (!design.isEmpty()) { // an analysis or --precision: absent otherwise, so records stay as they were
            ArrayNode d = o.putArray("design");
            design.forEach(d::add);
        }
        if (items > 0) o.put("items", items);
        ObjectNode sl = o.putObject("slice");
        sl.put("index", slice.index());
        sl.put("count", slice.count());
        String unit = items > 0 ? "item" : "replication";
        sl.put("first_" + unit, slice.first(sliced()) + 1);
        sl.put("last_" + unit, slice.end(sliced()));
        o.put("build", build); // last, so that the fields before it stay on the lines they were on
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a working folder's record, written by {@link #write}, to resume it; anything else is a
     * user mistake naming the file, and so is a record written by another build of caseload.
     */
    public static BatchSpec read(Path file) {
        return ofThisBuild(file, of(file, JsonRecord.read(file)),
                "finish the run with the build that started it, or run the command again without --resume to start it over");
    }

    /**
     * Reads a shard's record from its manifest, or returns null when the manifest is JSON with
     * no slice (an ordinary run's folder); one that is not JSON, or a record with a field missing
     * or bad, is refused as {@link #read} refuses it, and so is a shard run by another build.
     */
    public static BatchSpec readShard(Path file) {
        JsonNode o = JsonRecord.read(file);
        if (!o.has("slice")) return null;
        return ofThisBuild(file, of(file, o), "merge the shards with the build that ran them, or run this shard again with this one");
    }

    /** {@code spec}, read from {@code file}, if this build wrote it; else a user mistake saying what to do. */
    private static BatchSpec ofThisBuild(Path file, BatchSpec spec, String whatToDo) {
        if (BuildId.isCurrent(spec.build)) return spec;
        throw new InputException(file + ": written by " + anotherBuild(spec.build) + ": " + whatToDo);
    }

    /**
     * How a refusal names the build of a record of another build ({@code build}, empty if it
     * recorded none) and this one: "a different build of caseload (build …; this is build …),
     * whose results may differ". Batch records and portable batches are refused in these words.
     */
    static String anotherBuild(String build) {
        String here = BuildId.UNKNOWN.equals(BuildId.current()) ? "this build cannot tell which it is"
                : "this is build " + shown(BuildId.current());
        return "a different build of caseload (" + (build.isEmpty() ? "one that did not record its build" : "build " + shown(build))
                + "; " + here + "), whose results may differ";
    }

    private static String shown(String build) {
        return build.isEmpty() ? "(none)" : BuildId.shortForm(build);
    }

    private static BatchSpec of(Path file, JsonNode tree) {
        try {
            JsonRecord.Fields o = JsonRecord.Fields.root(tree);
            List<String> files = new ArrayList<>();
            List<ScenarioId> ids = new ArrayList<>();
            for (JsonRecord.Fields s : o.objects("scenarios")) {
                files.add(s.text("file"));
                ids.add(new ScenarioId(s.text("name"), s.text("sha256")));
            }
            JsonRecord.Fields sl = o.object("slice");
            int count = sl.count("count", 1);
            int index = sl.count("index", 1);
            if (index > count) throw sl.bad("index");
            // Fields written only when they apply are optional, with the value their absence means.
            return new BatchSpec(o.text("command"), o.text("version"), o.has("build") ? o.text("build") : "", files, o.texts("overrides"), ids, o.integer("seed"),
                    o.count("replications", 1), o.has("alpha") ? o.number("alpha") : Double.NaN,
                    o.has("independent_streams") && o.bool("independent_streams"), new Slice(index, count),
                    o.has("event_log") ? o.count("event_log", 0) : 0, o.has("design") ? o.texts("design") : List.of(),
                    o.has("items") ? o.count("items", 0) : 0);
        } catch (JsonRecord.BadField e) {
            throw JsonRecord.notARecord(file, "missing or bad '" + e.getMessage() + "'");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BatchSpec b && differenceFrom(b) == null && slice.equals(b.slice);
    }

    @Override
    public int hashCode() {
        return Objects.hash(command, seed, replications, slice);
    }
}
