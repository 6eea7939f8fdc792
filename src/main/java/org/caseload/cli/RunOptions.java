package org.caseload.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.caseload.engine.RandomStreams;
import org.caseload.experiment.Experiment;
import org.caseload.experiment.Replications;
import org.caseload.report.RunFiles;
import org.caseload.scenario.Scenario;
import org.caseload.stats.BatchSummary;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Replication options shared by run and compare, and the sequential run-length control. */
final class RunOptions {
    static final int PRECISION_FIRST_BATCH = Replications.FIRST_BATCH;

    /** The command these options belong to, for what was given on its command line. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** Set when a --precision run is resumed: the record it continues (see {@link RunRecord#open}). */
    org.caseload.batch.BatchSpec resuming;

    @Option(names = "--replications", paramLabel = "N",
            description = "Replications per scenario (default 20; at least 1, and with 1 there are no confidence intervals). Not with --precision.")
    Integer replications;

    @Option(names = "--precision", paramLabel = "P",
            description = "Instead of a fixed count, add replications until every headline metric's 95%% CI half-width "
                    + "is within P x its mean (e.g. 0.05), up to --max-replications. The count is recorded in manifest.json.")
    Double precision;

    @Option(names = "--max-replications", paramLabel = "N", defaultValue = "1000",
            description = "Cap for --precision (default ${DEFAULT-VALUE}).")
    int maxReplications;

    @Mixin
    ExecutionOptions execution = new ExecutionOptions();

    @Mixin
    Progress.QuietOption quiet = new Progress.QuietOption();

    /** Set by {@link #replicate}: how the replication count was reached, or null for a fixed count. */
    String precisionNote;

    void check() {
        if (replications != null && precision != null) throw new UserException("give either --replications or --precision, not both");
        if (replications != null && replications < 1) {
            throw new UserException("--replications must be at least 1 (got " + replications + ")");
        }
        if (precision != null && !(precision > 0 && precision < 1)) {
            throw new UserException("--precision must be between 0 and 1, e.g. 0.05 (got " + precision + ")");
        }
        if (maxReplications < PRECISION_FIRST_BATCH) {
            throw new UserException("--max-replications must be at least " + PRECISION_FIRST_BATCH);
        }
        // (with --resume the record decides, and --resume refuses the option itself)
        if (precision == null && mixee != null && mixee.commandLine() != null
                && mixee.commandLine().getParseResult().hasMatchedOption("--max-replications")
                && !mixee.commandLine().getParseResult().hasMatchedOption("--resume")) {
            throw new UserException("--max-replications caps --precision: give --precision P with it, or --replications N "
                    + "for a fixed count");
        }
        execution.check();
    }

    /** What a --precision run records besides scenarios, --set and seed: the precision and its cap. */
    List<String> precisionDesign() {
        return List.of("--precision", String.valueOf(precision), "--max-replications", String.valueOf(maxReplications));
    }

    int fixedReplications() {
        return replications == null ? 20 : replications;
    }

    /**
     * Runs every scenario for the same number of replications (see {@link Replications}),
     * summarised as they come with their values on disk (the system's temporary folder), each
     * recorded in {@code record} as it finishes and those already there read back, with
     * progress on {@code progressOut}, which also gets the warning when --precision is not reached.
     */
    BatchSummary replicate(Experiment experiment, List<Scenario> scenarios, List<RandomStreams> streams, boolean paired,
                           RunRecord record, PrintWriter progressOut) {
        String label = String.join(", ", scenarios.stream().map(Scenario::name).toList());
        if (record.journal().size() > 0) {
            progressOut.println("caseload: resuming: " + record.journal().size() + " replications already done");
            progressOut.flush();
        }
        Replications.Plan plan = new Replications.Plan(fixedReplications(), precision, maxReplications, RunFiles.LEVEL);
        Replications.Outcome outcome = Replications.run(experiment, scenarios, streams, plan, n -> {
            Progress progress = new Progress(progressOut, label, n, quiet.quiet);
            return new Replications.Listener.Batch() {
                @Override
                public void step() {
                    progress.step();
                }

                @Override
                public void done() {
                    progress.done();
                }
            };
        }, BatchSummary.onDisk(scenarios.stream().map(Scenario::name).toList(), paired,
                Path.of(System.getProperty("java.io.tmpdir"))), record.journal(), record.journal()::append);
        precisionNote = outcome.note();
        if (!outcome.reached()) {
            progressOut.println("caseload: warning: " + precisionNote);
            progressOut.flush();
        }
        return outcome.results();
    }
}
