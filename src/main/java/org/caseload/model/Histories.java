package org.caseload.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseload.scenario.Complexity;
import org.caseload.scenario.Distribution;
import org.caseload.scenario.Group;
import org.caseload.scenario.Readiness;
import org.caseload.scenario.Scenario;

/**
 * How many previous episodes people have in a system at rest, and where their journeys take
 * them: what the initial caseload is seeded from, so that the warm-up need not build histories
 * up from the referral mix (which takes about twelve years).
 *
 * <p>A journey runs from a referral to leaving the service. For each kind of client (group,
 * complexity, readiness) and count k of previous episodes, an absorbing chain over the
 * pathways gives the journey's expected visits to each pathway (routing, then moves on
 * completion and transfers, each episode's outcome chances under the pressure of the full
 * initial caseload, and survival through the episode) and the chance ρ(k) that it ends in a
 * re-presentation (each way of leaving, times {@link AfterExit#returnChance}). A re-presentation
 * starts a journey with k + 1. At rest, the journeys with k previous episodes per new
 * referral are then J(k) = m(k) + J(k − 1)·ρ(k − 1), m being the referral mix's shares.
 *
 * <p>Left out, as small next to these: waits (giving up waiting for assessment or a place,
 * dying while waiting), and re-referrals after giving up, which add no episode. Histories are
 * cut at {@value #MAX_PREVIOUS} previous episodes (reached only if nearly everyone comes back).
 */
final class Histories {
    static final int MAX_PREVIOUS = 64;
    /** Journeys beyond this share of a kind's total are dropped (the tail of long histories). */
    private static final double NEGLIGIBLE = 1e-9;

    /** The referral mix's share of each kind, indexed group-major (see {@link OccupantMix#groupOf}). */
    private final double[] kindShare;
    /** [kind][k]: journeys with k previous episodes per new referral of that kind. */
    private final double[][] journeys;
    /** [kind][k][pathway]: expected visits to each pathway of such a journey. */
    private final double[][][] visits;
    /**
     * [kind][k][pathway]: where episodes starting in a treatment pathway come from, as weights:
     * entry 0 began an unbroken stay in treatment there (routed there, or moved from a pathway
     * that is not treatment); entry 1 + 2q + o moved from treatment pathway q after an episode
     * ending in o (0 completion, 1 transfer). Null for other pathways and where none start.
     */
    private final OccupantMix.Weights[][][] cameFrom;

    private Histories(double[] kindShare, double[][] journeys, double[][][] visits, OccupantMix.Weights[][][] cameFrom) {
        this.kindShare = kindShare;
        this.journeys = journeys;
        this.visits = visits;
        this.cameFrom = cameFrom;
    }

    static Histories of(Scenario scenario, List<PathwayState> pathways, Routing routing, Episodes episodes,
                        AfterExit afterExit, Mortality mortality) {
        int n = pathways.size();
        int kinds = Client.KINDS;
        Map<String, Integer> initial = scenario.initialCaseload();
        double[] pressure = new double[n];
        for (PathwayState p : pathways) pressure[p.index] = p.pressureWith(initial.getOrDefault(p.spec.name(), 0));
        double[][] onCompletion = shares(pathways, true);
        double[][] transfer = shares(pathways, false);
        double[] kindShare = new double[kinds];
        double[][] journeys = new double[kinds][];
        double[][][] visits = new double[kinds][][];
        OccupantMix.Weights[][][] cameFrom = new OccupantMix.Weights[kinds][][];
        Scenario.ClientMix mix = scenario.clients();
        double[][][] survivalBy = new double[Client.GROUPS.length][][];
        double[][] completedReturnBy = new double[Client.GROUPS.length][];
        double[][] droppedReturnBy = new double[Client.GROUPS.length][];
        for (int kind = 0; kind < kinds; kind++) {
            Group g = Client.groupOf(kind);
            Complexity c = Client.complexityOf(kind);
            Readiness r = Client.readinessOf(kind);
            double ready = mix.readyToChange()[g.ordinal()];
            kindShare[kind] = mix.groupShares()[g.ordinal()] * mix.complexityShares()[g.ordinal()][c.ordinal()]
                    * (r == Readiness.LIKELY ? ready : 1 - ready);
            double[] entry = new double[n];
            double entering = 0;
            for (PathwayState p : pathways) {
                entry[p.index] = routing.share(g, c, r, p.spec.name());
                entering += entry[p.index];
            }
            if (!(kindShare[kind] > 0) || !(entering > 0)) { // never referred, or routed nowhere: starts nowhere
                journeys[kind] = new double[0];
                visits[kind] = new double[0][];
                cameFrom[kind] = new OccupantMix.Weights[0][];
                continue;
            }
            if (survivalBy[g.ordinal()] == null) {
                // Survival through an episode and the chance of coming back, by pathway and outcome: once a group.
                double[][] survival = new double[n][Episodes.Outcome.ALL.length];
                double[] completed = new double[n];
                double[] dropped = new double[n];
                for (PathwayState p : pathways) {
                    double rate = mortality.ratePerDayIn(p, g);
                    for (Episodes.Outcome o : Episodes.Outcome.ALL) {
                        survival[p.index][o.ordinal()] = survivalThrough(Episodes.durationOf(p, g, o), rate);
                    }
                    boolean rx = p.spec.prescribing();
                    completed[p.index] = afterExit.returnChance(g, Exit.completing(p), rx);
                    dropped[p.index] = afterExit.returnChance(g, Exit.droppingOut(p), rx);
                }
                survivalBy[g.ordinal()] = survival;
                completedReturnBy[g.ordinal()] = completed;
                droppedReturnBy[g.ordinal()] = dropped;
            }
            double[][] survival = survivalBy[g.ordinal()];
            double[] completedReturn = completedReturnBy[g.ordinal()];
            double[] droppedReturn = droppedReturnBy[g.ordinal()];
            double[] m = mix.previousEpisodesShares()[g.ordinal()];
            double[] j = new double[MAX_PREVIOUS + 1];
            double[][] v = new double[MAX_PREVIOUS + 1][];
            OccupantMix.Weights[][] from = new OccupantMix.Weights[MAX_PREVIOUS + 1][];
            double total = 0;
            double previousRho = 0;
            int last = 0;
            for (int k = 0; k <= MAX_PREVIOUS; k++) {
                double[][] moves = new double[n][n];
                double[] returns = new double[n];
                double[] completing = new double[n];
                double[] transferring = new double[n];
                for (PathwayState p : pathways) {
                    double[] ch = episodes.outcomeChances(g, c, k, p, pressure[p.index]);
                    double complete = ch[Episodes.Outcome.COMPLETE.ordinal()] * survival[p.index][Episodes.Outcome.COMPLETE.ordinal()];
                    double dropout = ch[Episodes.Outcome.DROPOUT.ordinal()] * survival[p.index][Episodes.Outcome.DROPOUT.ordinal()];
                    double moved = ch[Episodes.Outcome.TRANSFER.ordinal()] * survival[p.index][Episodes.Outcome.TRANSFER.ordinal()];
                    completing[p.index] = complete;
                    transferring[p.index] = moved;
                    double stays = 0;
                    for (int q = 0; q < n; q++) {
                        moves[p.index][q] = complete * onCompletion[p.index][q] + moved * transfer[p.index][q];
                        stays += onCompletion[p.index][q];
                    }
                    returns[p.index] = complete * Math.max(0, 1 - stays) * completedReturn[p.index] + dropout * droppedReturn[p.index];
                }
                double[] visit = visits(entry, moves);
                double rho = 0;
                for (int p = 0; p < n; p++) rho += visit[p] * returns[p];
                j[k] = (k < m.length ? m[k] : 0) + (k > 0 ? j[k - 1] * Math.min(1, previousRho) : 0);
                previousRho = rho;
                v[k] = visit;
                from[k] = cameFrom(pathways, entry, visit, moves, completing, transferring, onCompletion, transfer);
                total += j[k];
                if (j[k] > 0) last = k;
                if (k >= m.length && j[k] < NEGLIGIBLE * total) break;
            }
            journeys[kind] = Arrays.copyOf(j, last + 1);
            visits[kind] = Arrays.copyOf(v, last + 1);
            cameFrom[kind] = Arrays.copyOf(from, last + 1);
        }
        return new Histories(kindShare, journeys, visits, cameFrom);
    }

    /**
     * For each treatment pathway p, where its episodes come from, in proportion: entries that
     * begin a stay in treatment (routed there, entry[p], or moved from a pathway that is not
     * treatment), and moves from each treatment pathway q by completion or transfer,
     * visit[q] × that outcome's chance (surviving it) × its share sent to p. These add up to
     * visit[p], the visits equation.
     */
    private static OccupantMix.Weights[] cameFrom(List<PathwayState> pathways, double[] entry, double[] visit, double[][] moves,
                                                  double[] completing, double[] transferring, double[][] onCompletion,
                                                  double[][] transfer) {
        int n = pathways.size();
        OccupantMix.Weights[] from = new OccupantMix.Weights[n];
        for (PathwayState p : pathways) {
            if (!p.isTreatment()) continue;
            int to = p.index;
            double[] w = new double[1 + 2 * n];
            w[0] = entry[to];
            for (PathwayState q : pathways) {
                if (!q.isTreatment()) w[0] += visit[q.index] * moves[q.index][to];
            }
            double acc = w[0];
            for (int q = 0; q < n; q++) {
                boolean treatment = pathways.get(q).isTreatment();
                acc += treatment ? visit[q] * completing[q] * onCompletion[q][to] : 0;
                w[1 + 2 * q] = acc;
                acc += treatment ? visit[q] * transferring[q] * transfer[q][to] : 0;
                w[2 + 2 * q] = acc;
            }
            if (acc > 0) from[to] = new OccupantMix.Weights(w);
        }
        return from;
    }

    /**
     * Where the stay in treatment of someone of this kind and history, starting an episode in
     * treatment pathway {@code p}, comes from, from one uniform: -1 if it began there, else
     * 2q + o, having moved from treatment pathway q after an episode ending in o (0 completion,
     * 1 transfer).
     */
    int cameFrom(int kind, int k, PathwayState p, double u) {
        if (k >= cameFrom[kind].length) return -1;
        OccupantMix.Weights w = cameFrom[kind][k][p.index];
        return w == null ? -1 : w.pick(u) - 1;
    }

    /**
     * Episodes starting in {@code p} with {@code k} previous episodes by people of this kind,
     * per new referral: the kind's share of referrals × its journeys with k × their visits to p.
     */
    double starts(int kind, int k, PathwayState p) {
        return k < journeys[kind].length ? kindShare[kind] * journeys[kind][k] * visits[kind][k][p.index] : 0;
    }

    /** The most previous episodes a person of this kind is seeded with, plus one. */
    int historyLength(int kind) {
        return journeys[kind].length;
    }

    /** The referral mix's share of this kind. */
    double kindShare(int kind) {
        return kindShare[kind];
    }

    /** [from][to]: the shares of completers (or of transfers) of each pathway moving to each other. */
    private static double[][] shares(List<PathwayState> pathways, boolean onCompletion) {
        int n = pathways.size();
        Map<String, Integer> index = new HashMap<>();
        for (PathwayState p : pathways) index.put(p.spec.name(), p.index);
        double[][] s = new double[n][n];
        for (PathwayState p : pathways) {
            for (Map.Entry<String, Double> e : (onCompletion ? p.spec.onCompletion() : p.spec.transferTo()).entrySet()) {
                s[p.index][index.get(e.getKey())] += e.getValue();
            }
        }
        return s;
    }

    /** E[exp(−rate·D)]: the chance of not dying during an episode of length D, by the midpoint rule on 16 quantiles. */
    private static double survivalThrough(Distribution d, double ratePerDay) {
        if (ratePerDay <= 0) return 1;
        int points = 16;
        double sum = 0;
        for (int i = 0; i < points; i++) sum += Math.exp(-ratePerDay * d.quantile((i + 0.5) / points));
        return sum / points;
    }

    /**
     * Expected visits to each pathway of a journey entering by {@code entry} and moving by
     * {@code moves} (substochastic): v = entry + v·moves, solved by Gaussian elimination with
     * partial pivoting; if the moves never let people out, the series is cut after 10,000 terms.
     */
    static double[] visits(double[] entry, double[][] moves) {
        int n = entry.length;
        double[][] a = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) a[i][j] = (i == j ? 1 : 0) - moves[j][i];
            a[i][n] = entry[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
            if (Math.abs(a[pivot][col]) < 1e-12) return series(entry, moves);
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r == col || a[r][col] == 0) continue;
                double f = a[r][col] / a[col][col];
                for (int j = col; j <= n; j++) a[r][j] -= f * a[col][j];
            }
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = a[i][n] / a[i][i];
            if (!(v[i] >= 0) || !Double.isFinite(v[i])) return series(entry, moves);
        }
        return v;
    }

    private static double[] series(double[] entry, double[][] moves) {
        int n = entry.length;
        double[] v = entry.clone();
        double[] term = entry.clone();
        for (int step = 0; step < 10_000; step++) {
            double[] next = new double[n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) next[j] += term[i] * moves[i][j];
            term = next;
            for (int j = 0; j < n; j++) v[j] += term[j];
        }
        return v;
    }
}
