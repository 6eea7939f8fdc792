package org.caseload.model;

import java.util.Arrays;
import org.caseload.engine.Mrg32k3a;
import org.caseload.scenario.Distribution;
import org.caseload.scenario.Group;
import umontreal.ssj.probdist.PoissonDist;

/**
 * The people of a system at rest who left one seeded pathway before time 0 and are out of
 * treatment, alive, and due to re-present after it: without them re-presentations would start
 * at zero and the caseload would dip and recover over years (the relapse loop's time scale).
 *
 * <p>Episodes start in the pathway at the rate λ = people / E[min(L, D)] (Little's law: a stay
 * ends at its planned length L or at death D in the pathway), with the occupant mix's unbiased
 * components; each reaches its planned end alive with chance E[e^(−μL)] and then leaves the
 * service with the chance its outcome gives, and the person comes back R days later with the
 * chance of relapsing and re-presenting. Those out at time 0 are then an M/G/∞ population: a
 * Poisson number, found in proportion to how long they stay out. So they are sampled directly rather than by running
 * the pathway backwards: a Poisson number of candidates, each of a class (component and exit)
 * chosen in proportion to its rate times the mean of R, with R length-biased (of a sum of
 * relapse time and delay, one of the two is length-biased, in proportion to its mean) and the
 * time since leaving uniform on (0, R); a candidate who left more than the look-back ago is
 * dropped (thinning). A class whose mean R exceeds the look-back is sampled the other way
 * round instead, so that the candidates never outnumber the exits of the look-back: time since
 * leaving uniform over it and R unbiased, kept if R is longer. Survival to the return is the
 * caller's, one uniform from the person's own stream. The outcomes of waiting are ignored.
 * (Until deaths in the pathway were allowed for, both the start rate and the chance of leaving
 * alive took them as nil, which left a pathway with deaths at 1,000 per 1,000 a year 10% short
 * of its returners: {@code QueueingTheoryTest.aSeededPathwayWithReturnsIsAtRestFromTheStart}.)
 */
final class Returners {
    /** How far back leavers are generated: returns later than ten years after leaving are negligible. */
    static final double LOOK_BACK_DAYS = 3652.5;
    /**
     * At most this many episodes a place, on average, in the look-back: a pathway whose stays
     * average under ~4 weeks looks back less than ten years (its warm-up fills the rest), so that
     * very short stays (or a hostile file) cannot make seeding the main cost of a run.
     */
    static final int MAX_EPISODES_PER_PLACE = 128;

    /** Someone found out of treatment, {@code leftDaysAgo} days after leaving, due back {@code returnDays} after leaving. */
    @FunctionalInterface
    interface Found {
        void found(int kind, int previous, double returnDays, double leftDaysAgo);
    }

    private final OccupantMix mix;
    private final double lookBackDays;
    /** Mean number of candidates: 0 when nobody can be out and due back. */
    private final double candidates;
    /** Per class: the mix's component, the relapse time and delay, and whether R is length-biased. */
    private final int[] component;
    private final Distribution[] relapseTime;
    private final Distribution[] delay;
    /** The chance that the relapse time is the length-biased term (length-biased classes only). */
    private final double[] relapseBiased;
    private final boolean[] lengthBiased;
    private final OccupantMix.Weights weights;
    /** Re-presentations a day from this pathway's leavers at rest, before thinning by survival to the return ({@link #drawJustReturned}). */
    private final double returnsPerDay;
    /** Per class, cumulative: its share of the returns (its rate, without the length bias of {@link #weights}). */
    private final OccupantMix.Weights returnWeights;

    private Returners(OccupantMix mix, double lookBackDays, double candidates, int[] component, Distribution[] relapseTime,
                      Distribution[] delay, double[] relapseBiased, boolean[] lengthBiased, OccupantMix.Weights weights,
                      double returnsPerDay, OccupantMix.Weights returnWeights) {
        this.mix = mix;
        this.lookBackDays = lookBackDays;
        this.candidates = candidates;
        this.component = component;
        this.relapseTime = relapseTime;
        this.delay = delay;
        this.relapseBiased = relapseBiased;
        this.lengthBiased = lengthBiased;
        this.weights = weights;
        this.returnsPerDay = returnsPerDay;
        this.returnWeights = returnWeights;
    }

    /** The leavers of {@code p}, holding {@code people} with the occupant mix {@code mix}. */
    static Returners of(PathwayState p, OccupantMix mix, int people, Routing routing, AfterExit afterExit) {
        double meanTimeIn = mix.meanTimeIn(); // E[min(L, D)]: people over this is the start rate
        double lookBack = Math.min(LOOK_BACK_DAYS, MAX_EPISODES_PER_PLACE * mix.meanStartingLength());
        int n = mix.size();
        int[] component = new int[n];
        Distribution[] relapseTime = new Distribution[n];
        Distribution[] delay = new Distribution[n];
        double[] relapseBiased = new double[n];
        boolean[] lengthBiased = new boolean[n];
        double[] cumulative = new double[n];
        double[] cumulativeReturns = new double[n];
        double total = 0;
        double totalReturns = 0;
        int classes = 0;
        double leaves = routing.leavesOnCompletion(p);
        for (int i = 0; i < n; i++) {
            Exit exit = exitOf(p, mix.outcome(i));
            double exitChance = mix.outcome(i) == Episodes.Outcome.COMPLETE ? leaves : 1;
            if (exit == null || !(exitChance > 0)) continue;
            Group g = Client.groupOf(mix.kind(i));
            double back = afterExit.returnChanceIgnoringDeath(g, exit);
            Distribution t = afterExit.relapseTime(exit);
            Distribution d = afterExit.delay(exit);
            double meanBack = t.mean() + d.mean();
            boolean biased = meanBack <= lookBack;
            double span = biased ? meanBack : lookBack;
            double w = mix.startWeight(i) * mix.survivalToEnd(i) * exitChance * back * span;
            if (!(w > 0)) continue;
            total += w;
            totalReturns += w / span;
            component[classes] = i;
            relapseTime[classes] = t;
            delay[classes] = d;
            relapseBiased[classes] = biased ? t.mean() / meanBack : 0;
            lengthBiased[classes] = biased;
            cumulative[classes] = total;
            cumulativeReturns[classes] = totalReturns;
            classes++;
        }
        if (classes == 0 || !(meanTimeIn > 0) || !(lookBack > 0)) {
            return new Returners(mix, lookBack, 0, new int[0], null, null, null, null, null, 0, null);
        }
        // Starts per day times the expected candidates per start.
        double candidates = people / meanTimeIn * total / mix.totalStartWeight();
        double returnsPerDay = people / meanTimeIn * totalReturns / mix.totalStartWeight();
        return new Returners(mix, lookBack, candidates, Arrays.copyOf(component, classes),
                Arrays.copyOf(relapseTime, classes), Arrays.copyOf(delay, classes), Arrays.copyOf(relapseBiased, classes),
                Arrays.copyOf(lengthBiased, classes), new OccupantMix.Weights(Arrays.copyOf(cumulative, classes)),
                returnsPerDay, new OccupantMix.Weights(Arrays.copyOf(cumulativeReturns, classes)));
    }

    /** How an episode with this outcome leaves the service when it does not move on, or null (a transfer: to another pathway or out of the area). */
    private static Exit exitOf(PathwayState p, Episodes.Outcome outcome) {
        return switch (outcome) {
            case COMPLETE -> Exit.completing(p);
            case DROPOUT -> Exit.droppingOut(p);
            case TRANSFER -> null;
        };
    }

    /** The mean number of candidates drawn (before thinning by the look-back and by survival). */
    double meanCandidates() {
        return candidates;
    }

    /**
     * Draws this pathway's leavers from {@code past}: one uniform for their number, five for
     * each candidate (class, which term is length-biased, relapse time, delay, time since leaving).
     */
    void draw(Mrg32k3a past, Found found) {
        if (candidates == 0) return;
        int count = PoissonDist.inverseF(candidates, past.nextDouble());
        for (int c = 0; c < count; c++) {
            int k = weights.pick(past.nextDouble());
            double uWhich = past.nextDouble();
            double uRelapse = past.nextDouble();
            double uDelay = past.nextDouble();
            double uLeft = past.nextDouble();
            double back;
            double leftDaysAgo;
            if (lengthBiased[k]) {
                boolean relapseIsBiased = uWhich < relapseBiased[k];
                back = (relapseIsBiased ? relapseTime[k].lengthBiasedQuantile(uRelapse) : relapseTime[k].quantile(uRelapse))
                        + (relapseIsBiased ? delay[k].quantile(uDelay) : delay[k].lengthBiasedQuantile(uDelay));
                leftDaysAgo = uLeft * back;
                if (!(leftDaysAgo < lookBackDays)) continue;
            } else {
                back = relapseTime[k].quantile(uRelapse) + delay[k].quantile(uDelay);
                leftDaysAgo = uLeft * lookBackDays;
                if (!(back > leftDaysAgo)) continue;
            }
            int i = component[k];
            found.found(mix.kind(i), mix.previous(i), back, leftDaysAgo);
        }
    }

    /**
     * Draws this pathway's leavers who re-presented shortly before time 0, as candidates for
     * the people then in assessment (an M/G/∞ population of the returns): a Poisson number,
     * with mean the returns a day times {@code span} (the mean assessment, or the caller's
     * look-back if shorter), from {@code past} (one uniform), and for each its class and time
     * out of treatment, unbiased (three uniforms), passed with {@code leftDaysAgo} equal to it.
     * Survival to the return is the caller's, as in {@link #draw}; how long ago they returned
     * and whether they are still in assessment, the caller's too.
     */
    void drawJustReturned(Mrg32k3a past, double span, Found found) {
        if (candidates == 0 || !(span > 0)) return;
        int count = PoissonDist.inverseF(returnsPerDay * span, past.nextDouble());
        for (int c = 0; c < count; c++) {
            int k = returnWeights.pick(past.nextDouble());
            double back = relapseTime[k].quantile(past.nextDouble()) + delay[k].quantile(past.nextDouble());
            int i = component[k];
            found.found(mix.kind(i), mix.previous(i), back, back);
        }
    }
}
