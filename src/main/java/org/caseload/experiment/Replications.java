package org.caseload.experiment;

import java.util.ArrayList;
import java.util.List;
import org.caseload.engine.RandomStreams;
import org.caseload.results.Metrics;
import org.caseload.results.ReplicationResult;
import org.caseload.results.ScenarioResult;
import org.caseload.scenario.Scenario;
import org.caseload.stats.ReplicationCount;

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
        /** The most replications this plan can run: what must fit in memory. */
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
     * @param results      per scenario, in the order given
     * @param note         how the count was reached (null for a fixed count)
     * @param reached      false when a sequential run hit its cap before the precision
     */
    public record Outcome(List<ScenarioResult> results, String note, boolean reached) {
    }

    public static Outcome run(Experiment experiment, List<Scenario> scenarios, List<RandomStreams> streams, Plan plan,
                              Listener listener) {
        WorkLimits.checkHeld(scenarios, plan.most(), WorkLimits.heapBytes());
        for (Scenario s : scenarios) WorkLimits.checkEvents(s, experiment.maxEvents());
        List<List<ReplicationResult>> done = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) done.add(new ArrayList<>());
        Double precision = plan.precision();
        int target = precision == null ? plan.fixed() : FIRST_BATCH;
        int have = 0;
        String note = null;
        boolean reached = true;
        while (true) {
            Listener.Batch batch = listener.batch((target - have) * scenarios.size());
            for (int i = 0; i < scenarios.size(); i++) {
                done.get(i).addAll(experiment.run(scenarios.get(i), streams.get(i), have, target, r -> batch.step()));
            }
            batch.done();
            have = target;
            if (precision == null) break;
            int needed = have;
            boolean precise = true;
            for (List<ReplicationResult> reps : done) {
                ScenarioResult sr = new ScenarioResult("x", reps);
                for (String m : Metrics.HEADLINE) {
                    double[] v = sr.values(m);
                    if (!ReplicationCount.precise(v, precision, plan.level())) {
                        precise = false;
                        needed = Math.max(needed, ReplicationCount.estimateNeeded(v, precision, plan.level()));
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
        List<ScenarioResult> out = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) out.add(new ScenarioResult(scenarios.get(i).name(), done.get(i)));
        return new Outcome(out, note, reached);
    }
}
