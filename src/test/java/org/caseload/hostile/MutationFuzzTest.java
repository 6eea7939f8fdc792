package org.caseload.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutation fuzzer over the shipped scenarios (issue 8 item 7): each mutated file
 * either runs a short horizon (exit 0) or is refused with one message (exit 2), within a time
 * limit, without a stack trace, and without NaN or Infinity in its results. Never exit 1,
 * never a hang.
 *
 * <p>{@code -Dfuzz.seed=S -Dfuzz.count=N} explore further; a failure names the seed, the
 * mutant's number and what was changed, and leaves the file in {@code target/hostile-fuzz/}.
 */
class MutationFuzzTest {
    static final long SEED = Long.getLong("fuzz.seed", 20261201L);
    static final int COUNT = Integer.getInteger("fuzz.count", 1000);
    /** Far above what a 3-month run needs (a few seconds at most, even on a loaded machine). */
    static final int TIME_LIMIT_SECONDS = Integer.getInteger("fuzz.timeout", 20);
    /** Enough for the 3-month runs of the shipped scenarios (about 10^5 events), far below a runaway. */
    static final String MAX_EVENTS = "5000000";
    /** {@code --max-events} for every simulation of a mutant: a runaway is stopped, not waited for. */
    private static final List<String> EVENT_BUDGET = List.of("--max-events", MAX_EVENTS);
    /** Short, but past the month-12 budget changes of the shipped cut scenarios. */
    static final int HORIZON_MONTHS = 13;
    static final List<String> SHORT = List.of("--set", "horizon_months=" + HORIZON_MONTHS, "--set", "warmup_months=0");
    /** Writing charts and the report costs more than a short simulation: a sample of accepted files is written. */
    static final int FULL_RUN_EVERY = 4;
    static final String MUTANT_PREFIX = "mutant-";
    /** The unmutated files run first, in a cold JVM: generous, they are not what is tested. */
    static final int CONTROL_SECONDS = 120;
    /** Hangs tolerated before the run stops (each leaves a thread spinning); -Dfuzz.maxHangs to see more. */
    static final int MAX_HANGS = Integer.getInteger("fuzz.maxHangs", 1);
    static final Path SHIPPED = Path.of("scenarios");
    static final Path FAILURES = Path.of("target/hostile-fuzz");

    @Test
    void mutatedScenariosRunOrAreRefusedNeverCrashOrHang(@TempDir Path tmp) throws IOException {
        Path work = tmp.resolve("scenarios");
        Files.createDirectories(work);
        List<Path> sources;
        try (Stream<Path> s = Files.list(SHIPPED)) {
            // england.yaml is Leeds x 51 in numbers only: its mutants would test the same input
            // handling at fifty times the cost (seconds each), so the fuzz draws from the others.
            sources = s.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("england.yaml"))
                    .sorted().toList();
        }
        for (Path f : sources) Files.copy(f, work.resolve(f.getFileName()));
        Map<String, String> shippedBefore = Sandbox.hashes(work, work);

        List<String> runOptions = runOptions(work.resolve(sources.get(0).getFileName()), tmp.resolve("probe"));
        // controls: every shipped scenario runs with these options, so refusals below come from the mutations
        for (Path f : sources) {
            CaseRunner.Outcome o = CaseRunner.inProcess(runArgs(work.resolve(f.getFileName()), tmp.resolve("control-" + f.getFileName()),
                    runOptions), CONTROL_SECONDS);
            assertEquals(0, o.exit(), "the unmutated " + f + " must run under the fuzz options: " + o.failure() + " " + o.err());
        }

        Random pick = new Random(SEED);
        Mutator mutator = new Mutator(SEED);
        Map<String, Integer> tally = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int simulated = 0;
        int written = 0;
        long t0 = System.nanoTime();
        int done = 0;
        int hangs = 0;
        for (int i = 0; i < COUNT; i++) {
            Path source = sources.get(pick.nextInt(sources.size()));
            String text = Files.readString(work.resolve(source.getFileName()), StandardCharsets.UTF_8);
            Mutator.Mutant m = mutator.mutate(text);
            // a second mutation now and then, to reach combinations
            if (pick.nextInt(5) == 0) {
                Mutator.Mutant m2 = mutator.mutate(m.text());
                m = new Mutator.Mutant(m2.text(), m.description() + "; then " + m2.description());
            }
            Path file = work.resolve(MUTANT_PREFIX + i + ".yaml");
            Files.writeString(file, m.text(), StandardCharsets.UTF_8);
            Path out = tmp.resolve("out-" + i);
            // 1. load and validate, as every command does first; a refusal ends here
            List<String> validate = new ArrayList<>(List.of("validate", file.toString()));
            validate.addAll(SHORT);
            String stage = "validate";
            CaseRunner.Outcome o = CaseRunner.inProcess(validate, TIME_LIMIT_SECONDS);
            String problem = problem(o, null);
            if (problem == null && o.exit() == 0) {
                // 2. simulate what was accepted (one replication, nothing written)
                simulated++;
                stage = "bench";
                List<String> bench = new ArrayList<>(List.of("bench", file.toString(), "--replications", "1", "--warmup", "0",
                        "--threads", "1"));
                bench.addAll(SHORT);
                bench.addAll(EVENT_BUDGET);
                o = CaseRunner.inProcess(bench, TIME_LIMIT_SECONDS);
                problem = problem(o, null);
                // 3. every FULL_RUN_EVERY-th accepted file also goes through `run`, charts and report included
                if (problem == null && o.exit() == 0 && simulated % FULL_RUN_EVERY == 0) {
                    written++;
                    stage = "run";
                    o = runOne(file, out, runOptions);
                    problem = problem(o, out);
                }
            }
            done++;
            String kind = m.description().substring(0, m.description().indexOf(' '));
            tally.merge(kind + " -> exit " + o.exit(), 1, Integer::sum);
            if (problem != null) {
                String where = "mutant " + i + " of " + source.getFileName() + " (seed " + SEED + "), " + stage + ": " + m.description();
                failures.add(where + "\n    " + problem);
                Files.createDirectories(FAILURES);
                Files.writeString(FAILURES.resolve("seed-" + SEED + "-mutant-" + i + "-" + source.getFileName()), m.text());
            }
            HostileCorpusTest.deleteTree(out);
            Files.delete(file);
            // a thread that did not finish keeps a core busy: stop rather than time out again and again
            if (o.exit() == null && o.failure().startsWith("did not finish") && ++hangs >= MAX_HANGS) break;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("mutation fuzzer: %d mutated files of %d shipped scenarios in %.1f s (seed %d): %d accepted and "
                        + "simulated, %d of them also run with all output files; outcomes: %s%n",
                done, sources.size(), seconds, SEED, simulated, written, tally);
        if (!failures.isEmpty()) {
            String report = failures.size() + " of " + done + " mutated files crashed, hung or wrote NaN (files in " + FAILURES
                    + "):\n  " + String.join("\n  ", failures.subList(0, Math.min(failures.size(), 25)));
            fail(report);
        }
        assertEquals(shippedBefore, Sandbox.hashes(work, work), "the scenario files beside the mutants changed");
        assertTrue(done >= COUNT, "only " + done + " mutants ran");
        // About a third of mutants are valid (330 of 1,000 at the default seed): far fewer would mean validation
        // refuses what it should accept, which exit 2 alone would hide.
        assertTrue(simulated * 10 >= done, "only " + simulated + " of " + done + " mutants were accepted and simulated");
        assertTrue(written > 0, "no accepted mutant was run with all its output files");
    }

    /** Short horizon, one replication where the command allows it, one thread and an event budget once there is one. */
    private static List<String> runOptions(Path control, Path out) {
        List<String> opts = new ArrayList<>(SHORT);
        opts.addAll(List.of("--threads", "1"));
        opts.addAll(EVENT_BUDGET);
        List<String> one = new ArrayList<>(opts);
        one.addAll(List.of("--replications", "1"));
        boolean oneAllowed = Integer.valueOf(0).equals(CaseRunner.inProcess(runArgs(control, out, one), CONTROL_SECONDS).exit());
        opts.addAll(List.of("--replications", oneAllowed ? "1" : "2"));
        return opts;
    }


    private static CaseRunner.Outcome runOne(Path file, Path out, List<String> options) {
        return CaseRunner.inProcess(runArgs(file, out, options), TIME_LIMIT_SECONDS);
    }

    private static List<String> runArgs(Path file, Path out, List<String> options) {
        List<String> args = new ArrayList<>(List.of("run", file.toString(), "--out", out.toString()));
        args.addAll(options);
        return args;
    }

    /** Null when the outcome is acceptable, else what is wrong with it. */
    private static String problem(CaseRunner.Outcome o, Path out) throws IOException {
        if (o.failure() != null) return o.failure() + "; stderr: " + excerpt(o.err());
        if (o.exit() != 0 && o.exit() != 2) return "exit " + o.exit() + "; stderr: " + excerpt(o.err());
        if (HostileCorpusTest.STACK_TRACE.matcher(o.err()).find()) return "stack trace; stderr: " + excerpt(o.err());
        if (o.exit() == 2 && Sandbox.lines(o.err()).stream().noneMatch(l -> l.startsWith("caseload: error: "))) {
            return "exit 2 without a message; stderr: " + excerpt(o.err());
        }
        if (o.exit() == 2 && out != null && Files.exists(out)) return "refused, yet an output folder was written";
        if (o.exit() == 0 && out != null) {
            for (String csv : List.of("summary.csv", "replications.csv")) {
                Path f = out.resolve(csv);
                if (!Files.isRegularFile(f)) return "exit 0 but no " + csv;
                if (HostileCorpusTest.UNDEFINED_NUMBER.matcher(Files.readString(f)).find()) return "NaN or Infinity in " + csv;
            }
        }
        return null;
    }

    private static String excerpt(String s) {
        String t = s.strip();
        return t.length() <= 400 ? t : t.substring(0, 400) + " ...";
    }
}
