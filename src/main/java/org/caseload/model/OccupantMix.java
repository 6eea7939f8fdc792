package org.caseload.model;

import java.util.Arrays;
import org.caseload.engine.Mrg32k3a;
import org.caseload.scenario.Distribution;
import org.caseload.scenario.Group;
import org.caseload.scenario.Scenario;

/**
 * Who is found in a pathway's place at a random moment of a system at rest, and how long their
 * episode there lasts: length-biased, exactly. An episode is one component (kind of client,
 * previous episodes, outcome) with a duration distribution; people are found in a component
 * in proportion to how often its episodes start times how long they last on average, and
 * within it their episode's length has the length-biased density x·f(x)/mean
 * ({@link Distribution#lengthBiasedQuantile}). Where people die in the pathway (at rate μ), a
 * stay lasts min(L, death): those found part-way through have survived that long, so the
 * weights use E[(1 − e^(−μL))/μ], the planned length has density ∝ f(x)·(1 − e^(−μx)) and the
 * time so far density ∝ e^(−μt) on (0, L). Episode starts by kind and history come from
 * {@link Histories} (journeys at rest), with outcomes chosen under the pressure of the full
 * initial caseload. The same components weighted by starts alone are the episodes starting
 * there, whose leavers {@link Returners} draws.
 */
final class OccupantMix {
    /** Kinds of client ({@link Client#kind}). */
    private final int[] kind;
    private final int[] previous;
    private final Episodes.Outcome[] outcome;
    private final Distribution[] duration;
    /** Each component's daily death rate in the pathway: people found part-way through survived that long. */
    private final double[] deathRate;
    /** How often each component's episodes start, relatively. */
    private final double[] starts;
    /** Each component's expected time in the pathway, E[min(L, D)] ({@link #timeIn}). */
    private final double[] timeIn;
    /** The components by starts × expected time in the pathway. */
    private final Weights biased;
    private final double totalStarts;

    private OccupantMix(int[] kind, int[] previous, Episodes.Outcome[] outcome, Distribution[] duration, double[] deathRate,
                        double[] starts, double[] timeIn, Weights biased, double totalStarts) {
        this.deathRate = deathRate;
        this.timeIn = timeIn;
        this.kind = kind;
        this.previous = previous;
        this.outcome = outcome;
        this.duration = duration;
        this.starts = starts;
        this.biased = biased;
        this.totalStarts = totalStarts;
    }

    /**
     * The mix for {@code p} holding {@code people}. A pathway no journey reaches (none routed
     * there, none moved there) takes the referral mix unconditioned. If every episode there
     * lasts 0 days on average, people are found in proportion to starts alone (a degenerate
     * case: they leave at once).
     */
    static OccupantMix of(Scenario scenario, Episodes episodes, Mortality mortality, PathwayState p, Histories histories,
                          int people) {
        boolean reached = false;
        for (int k = 0; k < Client.KINDS && !reached; k++) {
            for (int prev = 0; prev < histories.historyLength(k) && !reached; prev++) reached = histories.starts(k, prev, p) > 0;
        }
        double pressure = p.pressureWith(people);
        int n = 0;
        int capacity = 64;
        int[] kind = new int[capacity];
        int[] previous = new int[capacity];
        Episodes.Outcome[] outcome = new Episodes.Outcome[capacity];
        Distribution[] duration = new Distribution[capacity];
        double[] deathRate = new double[capacity];
        double[] starts = new double[capacity];
        // Time in the pathway by (group, outcome): the same for every kind and history of a group.
        double[][] timeIn = new double[Client.GROUPS.length][Episodes.Outcome.ALL.length];
        for (double[] row : timeIn) Arrays.fill(row, Double.NaN);
        double[] weight = new double[capacity];
        for (int k = 0; k < Client.KINDS; k++) {
            Group g = Client.groupOf(k);
            double[] mix = scenario.clients().previousEpisodesShares()[g.ordinal()];
            int longest = reached ? histories.historyLength(k) : mix.length;
            for (int prev = 0; prev < longest; prev++) {
                double s = reached ? histories.starts(k, prev, p) : histories.kindShare(k) * mix[prev];
                if (!(s > 0)) continue;
                double[] chances = episodes.outcomeChances(g, Client.complexityOf(k), prev, p, pressure);
                for (Episodes.Outcome o : Episodes.Outcome.ALL) {
                    double w = s * chances[o.ordinal()];
                    if (!(w > 0)) continue;
                    if (n == capacity) {
                        capacity *= 2;
                        kind = Arrays.copyOf(kind, capacity);
                        previous = Arrays.copyOf(previous, capacity);
                        outcome = Arrays.copyOf(outcome, capacity);
                        duration = Arrays.copyOf(duration, capacity);
                        deathRate = Arrays.copyOf(deathRate, capacity);
                        weight = Arrays.copyOf(weight, capacity);
                        starts = Arrays.copyOf(starts, capacity);
                    }
                    kind[n] = k;
                    previous[n] = prev;
                    outcome[n] = o;
                    duration[n] = Episodes.durationOf(p, g, o);
                    deathRate[n] = mortality.ratePerDayIn(p, g);
                    if (Double.isNaN(timeIn[g.ordinal()][o.ordinal()])) {
                        timeIn[g.ordinal()][o.ordinal()] = timeIn(duration[n], deathRate[n]);
                    }
                    weight[n] = timeIn[g.ordinal()][o.ordinal()];
                    starts[n] = w;
                    n++;
                }
            }
        }
        if (n == 0) throw new IllegalStateException("no episode can start in pathway " + p.spec.name());
        boolean anyLength = false;
        for (int i = 0; i < n; i++) anyLength |= duration[i].mean() > 0;
        double[] biased = new double[n];
        double accBiased = 0;
        double totalStarts = 0;
        for (int i = 0; i < n; i++) {
            accBiased += starts[i] * (anyLength ? weight[i] : 1);
            totalStarts += starts[i];
            biased[i] = accBiased;
        }
        return new OccupantMix(Arrays.copyOf(kind, n), Arrays.copyOf(previous, n), Arrays.copyOf(outcome, n),
                Arrays.copyOf(duration, n), Arrays.copyOf(deathRate, n), Arrays.copyOf(starts, n), Arrays.copyOf(weight, n),
                new Weights(biased), totalStarts);
    }

    /** The number of components. */
    int size() {
        return starts.length;
    }

    /** How often component {@code i}'s episodes start, relative to {@link #totalStartWeight}. */
    double startWeight(int i) {
        return starts[i];
    }

    double totalStartWeight() {
        return totalStarts;
    }

    /** The mean planned length of an episode starting in the place, in days. */
    double meanStartingLength() {
        double sum = 0;
        for (int i = 0; i < starts.length; i++) sum += starts[i] * duration[i].mean();
        return sum / totalStarts;
    }

    /**
     * The mean time an episode starting in the place holds it, E[min(L, D)] in days: the
     * people there over this is the rate episodes start at (Little's law).
     */
    double meanTimeIn() {
        double sum = 0;
        for (int i = 0; i < starts.length; i++) sum += starts[i] * timeIn[i];
        return sum / totalStarts;
    }

    /** The chance that component {@code i}'s episode reaches its planned end alive, E[e^(−μL)] = 1 − μ·E[min(L, D)]. */
    double survivalToEnd(int i) {
        double mu = deathRate[i];
        return mu > 0 ? Math.max(0, 1 - mu * timeIn[i]) : 1;
    }

    /** A component of a person found in a place at a random moment, from one uniform. */
    int pickFound(double u) {
        return biased.pick(u);
    }

    /**
     * Cumulative weights (the last being their total) and a guide table: entry b is the first
     * component whose cumulative weight exceeds b/n of the total, so that a pick starts next
     * to its answer (about two comparisons, where a binary search over the Leeds mixes' ~2,500
     * components took twelve and 5% of a replication) and finds the same component.
     */
    static final class Weights {
        private final double[] cumulative;
        private final int[] guide;

        Weights(double[] cumulative) {
            this.cumulative = cumulative;
            int n = cumulative.length;
            double total = cumulative[n - 1];
            guide = new int[n];
            int i = 0;
            for (int b = 0; b < n; b++) {
                double from = total * b / n;
                while (i < n - 1 && cumulative[i] <= from) i++;
                guide[b] = i;
            }
        }

        /** The first component whose cumulative weight exceeds u × total (the last if none does). */
        int pick(double u) {
            int n = cumulative.length;
            double target = u * cumulative[n - 1];
            int i = guide[Math.min(n - 1, (int) (u * n))];
            while (i > 0 && cumulative[i - 1] > target) i--; // the guide's bound rounded above the target
            while (i < n - 1 && cumulative[i] <= target) i++;
            while (i > 0 && cumulative[i] == cumulative[i - 1]) i--; // u × total rounded up to the total
            return i;
        }
    }

    /** Points of the midpoint rule for {@link #timeIn}. */
    private static final int POINTS = 256;

    /**
     * Expected days in the pathway of an episode of planned length L cut short by death at
     * rate μ: E[(1 − e^(−μL))/μ], by the midpoint rule on quantiles; E[L] when no one dies.
     */
    static double timeIn(Distribution d, double mu) {
        if (!(mu > 0)) return d.mean();
        double sum = 0;
        for (int j = 0; j < POINTS; j++) sum += -Math.expm1(-mu * d.quantile((j + 0.5) / POINTS)) / mu;
        return sum / POINTS;
    }

    /** Tries of {@link #foundLength}'s rejection before it takes the last one (reached only when stays dwarf a lifetime). */
    static final int MAX_TRIES = 64;

    /**
     * The planned length in days of component {@code i}'s episode, found part way through by
     * someone still alive: density ∝ f(L)·(1 − e^(−μL)), drawn from the length-biased form and
     * kept with chance (1 − e^(−μL))/(μL), which is near 1 unless stays are long next to a
     * lifetime at that death rate (one uniform, and one more a try when anyone dies; after
     * {@value #MAX_TRIES} tries the last is taken).
     */
    double foundLength(int i, Mrg32k3a s) {
        double mu = deathRate[i];
        double length = duration[i].lengthBiasedQuantile(s.nextDouble());
        for (int t = 1; t < MAX_TRIES && mu > 0 && length > 0; t++) {
            if (s.nextDouble() < -Math.expm1(-mu * length) / (mu * length)) break;
            length = duration[i].lengthBiasedQuantile(s.nextDouble());
        }
        return length;
    }

    /** Days already spent of that episode: density ∝ e^(−μe) on (0, L), one uniform (uniform on (0, L) when no one dies). */
    double elapsed(int i, double length, double u) {
        double mu = deathRate[i];
        if (!(mu > 0)) return u * length;
        return Math.min(length, -Math.log1p(u * Math.expm1(-mu * length)) / mu);
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
}
