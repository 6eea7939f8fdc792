package org.caseload.batch;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.caseload.BuildId;
import org.caseload.experiment.Experiment;
import org.caseload.experiment.WorkLimits;
import org.caseload.fault.CaseloadException;
import org.caseload.fault.EnvironmentException;
import org.caseload.fault.ExitCode;
import org.caseload.fault.InputException;
import org.caseload.fault.Text;
import org.caseload.results.ReplicationResult;
import org.caseload.scenario.MapNode;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.caseload.scenario.YamlTree;

/**
 * A batch in a form that can travel to another JVM (a Spark executor, a remote worker): each
 * resolved scenario as JSON text with its hash, the seed, the stream choice and the event limit. The receiver
 * rebuilds the scenarios (checking the hashes, so it simulates exactly what the sender
 * resolved) and returns each replication as a journal line, which reads back to the identical
 * doubles; results are therefore the same bytes wherever they were computed. It carries the
 * sender's build ({@link BuildId}), and a receiver of another build refuses it, as resume and
 * merge refuse another build's record: a worker whose caseload differs would simulate another
 * model.
 */
public final class PortableBatch implements Serializable {
    /** Unchanged by the build field: a batch of an older build still arrives, and is refused for its build, not as unreadable. */
    private static final long serialVersionUID = 2L;
    private final List<String> scenarioJson;
    private final List<String> hashes;
    private final long seed;
    private final boolean independentStreams;
    private final long maxEvents;
    /** The sender's {@link BuildId}; null in a batch of a build that did not send it. */
    private final String build;

    /** A batch with the default event limit ({@link WorkLimits#DEFAULT_MAX_EVENTS}). */
    public PortableBatch(List<MapNode> resolved, long seed, boolean independentStreams) {
        this(resolved, seed, independentStreams, WorkLimits.DEFAULT_MAX_EVENTS);
    }

    /** @param maxEvents the most events one replication may take, wherever it runs (see {@link WorkLimits}) */
    public PortableBatch(List<MapNode> resolved, long seed, boolean independentStreams, long maxEvents) {
        this.scenarioJson = new ArrayList<>(resolved.stream().map(t -> t.toJson().toString()).toList());
        this.hashes = new ArrayList<>(resolved.stream().map(BatchSpec::hash).toList());
        this.seed = seed;
        this.independentStreams = independentStreams;
        this.maxEvents = maxEvents;
        this.build = BuildId.current();
    }

    public int scenarios() {
        return scenarioJson.size();
    }

    /**
     * Runs the given replications of every scenario on one thread; one journal line per (scenario,
     * replication), replication by replication (every scenario's, in order), as a summary takes them.
     */
    public List<String> runEncoded(int[] reps) {
        requireThisBuild();
        List<Scenario> scenarios = rebuild();
        List<List<ReplicationResult>> byScenario = new ArrayList<>();
        try (Experiment experiment = new Experiment(seed, 1, maxEvents)) {
            for (int s = 0; s < scenarios.size(); s++) {
                byScenario.add(experiment.run(scenarios.get(s), experiment.streamsFor(s, independentStreams), reps, x -> { }));
            }
        }
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < reps.length; r++) {
            for (int s = 0; s < byScenario.size(); s++) lines.add(Journal.encode(s, byScenario.get(s).get(r)));
        }
        return lines;
    }

    /** Refuses a batch sent by another build of caseload, in the words a resume or a merge uses. */
    void requireThisBuild() {
        if (BuildId.isCurrent(build)) return;
        throw new InputException("this worker was sent a batch by " + BatchSpec.anotherBuild(build == null ? "" : build)
                + ": run the workers with the caseload jar that sent it");
    }

    /** How a refusal line begins; no journal line does (they begin with a checksum in hex). */
    private static final String REFUSED = "refused\t";

    /**
     * A receiver's refusal of this batch (another build, too much work), sent back in place of
     * its lines: its exit code and message, one line. {@link #decode} turns it back into the
     * refusal, so the sender says it as its own. (On Spark a task that throws instead is logged
     * with a stack trace and retried, though a refusal gives the same answer every time.)
     */
    public static String refusalLine(CaseloadException refused) {
        return REFUSED + refused.exitCode() + "\t" + Text.oneLine(String.valueOf(refused.getMessage()));
    }

    /**
     * One journal line back to its entry; a damaged line (checksum mismatch) is an error, and a
     * {@link #refusalLine} is thrown as the refusal it carries (exit code 2 or 3).
     */
    public static Journal.Entry decode(String line) {
        if (line.startsWith(REFUSED)) {
            String[] f = line.strip().split("\t", 3);
            String message = f.length == 3 ? f[2] : "a worker refused the batch";
            if (f.length == 3 && f[1].equals(String.valueOf(ExitCode.ENVIRONMENT))) throw new EnvironmentException(message, null);
            throw new InputException(message);
        }
        Journal.Entry e = Journal.decode(line.endsWith("\n") ? line.substring(0, line.length() - 1) : line);
        if (e == null) throw new IllegalStateException("a replication came back damaged (checksum mismatch)");
        return e;
    }

    /** The scenarios as the sender resolved them; a hash mismatch means the text did not survive the trip. */
    List<Scenario> rebuild() {
        List<Scenario> out = new ArrayList<>();
        try {
            Path dir = Files.createTempDirectory("caseload-batch-");
            try {
                for (int i = 0; i < scenarioJson.size(); i++) {
                    // JSON is YAML: the scenario reader parses it with the same validation as a file.
                    Path f = dir.resolve("scenario-" + i + ".yaml");
                    Files.writeString(f, scenarioJson.get(i), StandardCharsets.UTF_8);
                    MapNode tree = YamlTree.load(f, "scenario " + (i + 1));
                    if (!BatchSpec.hash(tree).equals(hashes.get(i))) {
                        throw new IllegalStateException("scenario " + (i + 1) + " changed on its way to this worker");
                    }
                    out.add(ScenarioReader.read(tree));
                    Files.delete(f);
                }
            } finally {
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
