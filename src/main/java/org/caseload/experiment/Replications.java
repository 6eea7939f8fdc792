package org.caseload.experiment;

import java.util.List;
import org.caseload.engine.RandomStreams;
import org.caseload.results.Metrics;
import org.caseload.scenario.Scenario;
import org.caseload.stats.BatchSummary;
import org.caseload.stats.ConfidenceInterval;
import org.caseload.stats.ReplicationCount;
import org.caseload.stats.ScenarioSummary;

/**
 * How many replications to run: a fixed count, or sequentially until every headline metric
 * of every scenario is precise enough ({@code --precision}). All scenarios get the same
 * count (paired for comparison); batch sizes depend only on results, so the chosen count is
 * reproducible whatever the thread count.
 */
public final class Replications {
    /** The first batch of a sequential run, and the smallest step between batches. */
    public static final int FIRST_BATCH = 10;

    private Replications() {
    }

    /**
     * @param fixed            replications when {@code precision} is null
     * @param precision        target CI half-width relative to the mean, or null for a fixed count
     * @param maxReplications  cap of a sequential run
     * @param level            confidence level of the intervals
     */
    public record Plan(int fixed, Double precision, int maxReplications, double level) {
        /** The most replications this plan can run: what must be tracked. */
        public int most() {
            return precision == null ? fixed : Math.max(FIRST_BATCH, maxReplications);
        }
    }

    /** Told when a batch starts (how many replications, over all scenarios) and after each replication. */
    public interface Listener {
        Batch batch(int replications);

        interface Batch {
            void step();

            void done();
        }
    }

    /**
     * @param results      per scenario, in the order given, summarised as they came
     * @param note         how the count was reached (null for a fixed count)
     * @param reached      false when a sequential run hit its cap before the precision
     */
    public record Outcome(BatchSummary results, String note, boolean reached) {
    }

    /**
     * Runs the plan, adding every replication to {@code summary} in order as it finishes (see
     * {@link Experiment#runInOrder}): nothing is held but the summary, whose running intervals
     * decide whether to go on. Takes the replications {@code known} holds (an interrupted run's
     * record) and tells {@code fresh} each one computed (to record it): the choices depend only
     * on the results, so a resumed run makes the same ones.
     */
    public static Outcome run(Experiment experiment, List<Scenario> scenarios, List<RandomStreams> streams, Plan plan,
                              Listener listener, BatchSummary summary, Experiment.Known known, Experiment.Sink fresh) {
        WorkLimits.checkTracked(scenarios.size(), plan.most(), WorkLimits.heapBytes());
        for (Scenario s : scenarios) WorkLimits.checkEvents(s, experiment.maxEvents());
        Double precision = plan.precision();
        int target = precision == null ? plan.fixed() : FIRST_BATCH;
        int have = 0;
        String note = null;
        boolean reached = true;
        while (true) {
            int toRun = 0;
            for (int r = have; r < target; r++) for (int s = 0; s < scenarios.size(); s++) if (!known.has(s, r)) toRun++;
            Listener.Batch batch = listener.batch(toRun);
            experiment.runInOrder(scenarios, streams, have, target, known, (s, r) -> {
                fresh.accept(s, r);
                batch.step();
            }, summary::add);
            batch.done();
            have = target;
            if (precision == null) break;
            int needed = have;
            boolean precise = true;
            for (ScenarioSummary sr : summary.scenarios()) {
                for (String m : Metrics.HEADLINE) {
                    ConfidenceInterval ci = sr.interval(m, plan.level());
                    if (!ReplicationCount.precise(ci, precision)) {
                        precise = false;
                        needed = Math.max(needed, ReplicationCount.estimateNeeded(ci, precision));
                    }
                }
            }
            if (precise) {
                note = "chosen by --precision " + precision + ": every headline metric's 95% CI half-width is within "
                        + Math.round(precision * 100) + "% of its mean after " + have + " replications";
                break;
            }
            if (have >= plan.maxReplications()) {
                note = "--precision " + precision + " not reached within --max-replications " + plan.maxReplications();
                reached = false;
                break;
            }
            target = Math.min(plan.maxReplications(), Math.max(have + FIRST_BATCH, (int) Math.ceil(needed * 1.1)));
        }
        return new Outcome(summary, note, reached);
    }
}
