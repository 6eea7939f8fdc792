package org.caseload.model;

import java.util.Arrays;
import org.caseload.scenario.Complexity;
import org.caseload.scenario.Distribution;
import org.caseload.scenario.Group;
import org.caseload.scenario.Readiness;
import org.caseload.scenario.Scenario;

/**
 * Who is found in a pathway's place at a random moment of a system at rest, and how long their
 * episode there lasts: length-biased, exactly. An episode is one component (kind of client,
 * previous episodes, outcome) with a duration distribution; people are found in a component
 * in proportion to how often its episodes start times how long they last on average, and
 * within it their episode's length has the length-biased density x·f(x)/mean
 * ({@link Distribution#lengthBiasedQuantile}). Episode starts follow the referral mix routed
 * to the pathway, with outcomes chosen under the pressure of the full initial caseload.
 */
final class OccupantMix {
    /** Group, complexity and readiness as one index, group-major (as {@link #kindWeights}). */
    private final int[] kind;
    private final int[] previous;
    private final Episodes.Outcome[] outcome;
    private final Distribution[] duration;
    /** Cumulative weights of the components, the last being their total. */
    private final double[] cumulative;

    private OccupantMix(int[] kind, int[] previous, Episodes.Outcome[] outcome, Distribution[] duration, double[] cumulative) {
        this.kind = kind;
        this.previous = previous;
        this.outcome = outcome;
        this.duration = duration;
        this.cumulative = cumulative;
    }

    /**
     * The mix for {@code p} holding {@code people}: {@code kindWeights} are the chances of each
     * kind of client starting there. If every episode there lasts 0 days on average, people are
     * found in proportion to starts alone (a degenerate case: they leave at once).
     */
    static OccupantMix of(Scenario scenario, Episodes episodes, PathwayState p, double[] kindWeights, int people) {
        double pressure = p.pressureWith(people);
        int n = 0;
        int capacity = 16;
        int[] kind = new int[capacity];
        int[] previous = new int[capacity];
        Episodes.Outcome[] outcome = new Episodes.Outcome[capacity];
        Distribution[] duration = new Distribution[capacity];
        double[] starts = new double[capacity];
        for (int k = 0; k < kindWeights.length; k++) {
            if (kindWeights[k] <= 0) continue;
            Group g = groupOf(k);
            double[] history = scenario.clients().previousEpisodesShares()[g.ordinal()];
            for (int prev = 0; prev < history.length; prev++) {
                if (history[prev] <= 0) continue;
                double[] chances = episodes.outcomeChances(g, complexityOf(k), prev, p, pressure);
                for (Episodes.Outcome o : Episodes.Outcome.ALL) {
                    double w = kindWeights[k] * history[prev] * chances[o.ordinal()];
                    if (w <= 0) continue;
                    if (n == capacity) {
                        capacity *= 2;
                        kind = Arrays.copyOf(kind, capacity);
                        previous = Arrays.copyOf(previous, capacity);
                        outcome = Arrays.copyOf(outcome, capacity);
                        duration = Arrays.copyOf(duration, capacity);
                        starts = Arrays.copyOf(starts, capacity);
                    }
                    kind[n] = k;
                    previous[n] = prev;
                    outcome[n] = o;
                    duration[n] = Episodes.durationOf(p, g, o);
                    starts[n] = w;
                    n++;
                }
            }
        }
        if (n == 0) throw new IllegalStateException("no episode can start in pathway " + p.spec.name());
        double[] cumulative = new double[n];
        boolean anyLength = false;
        for (int i = 0; i < n; i++) anyLength |= duration[i].mean() > 0;
        double acc = 0;
        for (int i = 0; i < n; i++) {
            acc += starts[i] * (anyLength ? duration[i].mean() : 1);
            cumulative[i] = acc;
        }
        return new OccupantMix(Arrays.copyOf(kind, n), Arrays.copyOf(previous, n), Arrays.copyOf(outcome, n),
                Arrays.copyOf(duration, n), cumulative);
    }

    /** The component a uniform picks, by its weight: the first whose cumulative weight exceeds u × total. */
    int pick(double u) {
        double target = u * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > target) hi = mid;
            else lo = mid + 1;
        }
        while (lo > 0 && cumulative[lo] == cumulative[lo - 1]) lo--; // u × total rounded up to the total
        return lo;
    }

    /** The length in days of component {@code i}'s episode, found part way through, from one uniform. */
    double length(int i, double u) {
        return duration[i].lengthBiasedQuantile(u);
    }

    int kind(int i) {
        return kind[i];
    }

    int previous(int i) {
        return previous[i];
    }

    Episodes.Outcome outcome(int i) {
        return outcome[i];
    }

    static Group groupOf(int kind) {
        return Client.GROUPS[kind / (Client.COMPLEXITIES.length * Client.READINESS.length)];
    }

    static Complexity complexityOf(int kind) {
        return Client.COMPLEXITIES[(kind / Client.READINESS.length) % Client.COMPLEXITIES.length];
    }

    static Readiness readinessOf(int kind) {
        return Client.READINESS[kind % Client.READINESS.length];
    }
}
