package org.caseload.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.caseload.engine.RandomStreams;
import org.caseload.experiment.Experiment;
import org.caseload.report.RunFiles;
import org.caseload.results.Metrics;
import org.caseload.results.ReplicationResult;
import org.caseload.results.ScenarioResult;
import org.caseload.scenario.Scenario;
import org.caseload.stats.ReplicationCount;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Replication options shared by run and compare, and the sequential run-length control. */
final class RunOptions {
    static final int PRECISION_FIRST_BATCH = 10;

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
        execution.check();
    }

    int fixedReplications() {
        return replications == null ? 20 : replications;
    }

    /**
     * Runs every scenario for the same number of replications (paired for comparison). With
     * {@code --precision}, batches are added until all headline metrics of all scenarios are
     * precise enough or the cap is reached; the batch sizes depend only on results, so the
     * chosen count is reproducible.
     */
    List<ScenarioResult> replicate(Experiment experiment, List<Scenario> scenarios, List<RandomStreams> streams,
                                   PrintWriter progressOut) {
        List<List<ReplicationResult>> done = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) done.add(new ArrayList<>());
        int target = precision == null ? fixedReplications() : PRECISION_FIRST_BATCH;
        int have = 0;
        String label = String.join(", ", scenarios.stream().map(Scenario::name).toList());
        while (true) {
            Progress progress = new Progress(progressOut, label, (target - have) * scenarios.size(), quiet.quiet);
            for (int i = 0; i < scenarios.size(); i++) {
                done.get(i).addAll(experiment.run(scenarios.get(i), streams.get(i), have, target, r -> progress.step()));
            }
            progress.done();
            have = target;
            if (precision == null) break;
            int needed = have;
            boolean precise = true;
            for (List<ReplicationResult> reps : done) {
                ScenarioResult sr = new ScenarioResult("x", reps);
                for (String m : Metrics.HEADLINE) {
                    double[] v = sr.values(m);
                    if (!ReplicationCount.precise(v, precision, RunFiles.LEVEL)) {
                        precise = false;
                        needed = Math.max(needed, ReplicationCount.estimateNeeded(v, precision, RunFiles.LEVEL));
                    }
                }
            }
            if (precise) {
                precisionNote = "chosen by --precision " + precision + ": every headline metric's 95% CI half-width is within "
                        + Math.round(precision * 100) + "% of its mean after " + have + " replications";
                break;
            }
            if (have >= maxReplications) {
                precisionNote = "--precision " + precision + " not reached within --max-replications " + maxReplications;
                progressOut.println("caseload: warning: " + precisionNote);
                progressOut.flush();
                break;
            }
            target = Math.min(maxReplications, Math.max(have + PRECISION_FIRST_BATCH, (int) Math.ceil(needed * 1.1)));
        }
        List<ScenarioResult> out = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) out.add(new ScenarioResult(scenarios.get(i).name(), done.get(i)));
        return out;
    }
}
