package org.caseload.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.caseload.experiment.Experiment;
import org.caseload.experiment.RestCaseload;
import org.caseload.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code caseload rest}: a scenario's own steady state, printed as the {@code initial_caseload}
 * block to put in its file. Writes no files.
 */
@Command(name = "rest", mixinStandardHelpOptions = true,
        description = {"Find a scenario's own steady state: run the system as it stands at time 0 (without budget "
                + "changes, demand steps or trend) with a long warm-up, and print the time-averaged number in each "
                + "pathway as an initial_caseload block to put in the file, with each mean's 95%% interval.",
                "Writes no files. A file whose initial caseload is its own rest needs a shorter warm-up "
                + "(README, \"Warm-up or initial caseload\")."})
final class RestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "SCENARIO")
    Path file;

    @Mixin
    ScenarioOptions scenarioOptions = new ScenarioOptions();

    @Option(names = "--months", paramLabel = "M", defaultValue = "" + RestCaseload.DEFAULT_WARMUP_MONTHS,
            description = "Months of warm-up before measuring over the scenario's reporting months (default ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "20", description = "Replications (default ${DEFAULT-VALUE}).")
    int replications;

    @Mixin
    ExecutionOptions execution = new ExecutionOptions();

    @Override
    public Integer call() {
        if (replications < 2) throw new UserException("--replications must be at least 2 (got " + replications + ")");
        execution.check();
        Scenario s = scenarioOptions.load(List.of(file)).get(0).scenario();
        RestCaseload.Result r;
        try (Experiment e = execution.experiment()) {
            r = RestCaseload.measure(e, s, months, replications);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(render(r, execution.seed));
        out.flush();
        return 0;
    }

    /** The block as printed: comment lines saying how it was found, then one line a pathway. */
    static String render(RestCaseload.Result r, long seed) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "# scenario '%s' at its own rest: the time-averaged number in each pathway over %d months%n",
                r.scenario(), r.horizonMonths()));
        b.append(String.format(Locale.ROOT, "# after a %d-month warm-up, means of %d replications (seed %d), without budget changes,%n",
                r.warmupMonths(), r.replications(), seed));
        List<RestCaseload.Pathway> queues = r.pathways().stream().filter(p -> p.waiting().mean() >= 0.05).toList();
        b.append(queues.isEmpty() ? "# demand steps or trend. Nobody waits for a place at rest.\n"
                : "# demand steps or trend. People waiting for a place are not part of it (listed below).\n");
        b.append("initial_caseload:\n");
        int width = r.pathways().stream().mapToInt(p -> p.name().length() + String.valueOf(p.whole()).length()).max().orElse(0);
        for (RestCaseload.Pathway p : r.pathways()) {
            String entry = "  " + p.name() + ": " + p.whole();
            String pad = " ".repeat(width - p.name().length() - String.valueOf(p.whole()).length() + 3);
            String given = p.given() == null ? "the file gives none" : "the file gives " + p.given();
            b.append(String.format(Locale.ROOT, "%s%s# 95%% CI %.1f to %.1f; %s%n", entry, pad, p.people().low(), p.people().high(), given));
        }
        if (!queues.isEmpty()) {
            b.append("# Waiting for a place at rest, which no file can seed yet (the runs start with empty queues):\n");
            for (RestCaseload.Pathway p : queues) {
                b.append(String.format(Locale.ROOT, "#   %s: %.1f (95%% CI %.1f to %.1f)%n", p.name(), p.waiting().mean(), p.waiting().low(), p.waiting().high()));
            }
        }
        return b.toString();
    }
}
