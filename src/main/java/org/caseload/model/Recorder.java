package org.caseload.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseload.results.Metrics;
import org.caseload.results.ReplicationResult;
import org.caseload.scenario.Group;
import org.caseload.scenario.Scenario;

/**
 * The metrics of one replication: every level and counter that is not a pathway's own, the
 * yearly reporting periods behind "seen" and the national completion indicator, and the
 * assembly of the {@link ReplicationResult}. The other parts tell it what happened; it never
 * changes the course of the simulation.
 */
final class Recorder {
    static final double SIX_MONTHS = 365.25 / 2;
    private static final int GROUPS = Group.values().length;

    private final Window window;
    private final Level waitingList;
    private final Level longStayers;
    private final Level[] inTreatmentByGroup = new Level[GROUPS];
    private final Level[] longStayersByGroup = new Level[GROUPS];
    private final Level[] shortStayersByGroup = new Level[GROUPS];
    /** Planned +1/-1 changes to the short- and long-stay levels, applied in time order as the clock reaches them. */
    private final LevelChanges marks = new LevelChanges();
    /** People leaving treatment (not moving to another treatment pathway), and those who completed. */
    private final Counter[] treatmentExitsByGroup = new Counter[GROUPS];
    private final Counter[] successfulExitsByGroup = new Counter[GROUPS];
    private final Level caseloadPerWorker;
    private final Level keyworkerFte;
    private final ReferralCounts referrals;
    private final Counter starts;
    private final Counter waitDays;
    private final Counter waitedOver21;
    private final Counter assessmentStarts;
    private final Counter assessmentWaitDays;
    private final Counter dropaways;
    private final Counter leavers;
    private final Counter completions;
    private final Counter dropouts;
    private final Counter transfers;
    private final Counter deathsInTreatment;
    private final Counter deathsAfterExit;
    private final Counter deathsWhileWaiting;
    private final Counter deathsAll;

    /** Reporting periods for "seen" and the national completion indicator: whole years, or the window. */
    private final ReportingYears periods;
    private final SeenPerYear seen;
    private final CompletionIndicator indicator;
    private final LeaverCohorts cohorts;

    Recorder(Scenario scenario, Window window) {
        this.window = window;
        this.waitingList = new Level(window);
        this.longStayers = new Level(window);
        for (int g = 0; g < GROUPS; g++) {
            inTreatmentByGroup[g] = new Level(window);
            longStayersByGroup[g] = new Level(window);
            shortStayersByGroup[g] = new Level(window);
            treatmentExitsByGroup[g] = new Counter(window);
            successfulExitsByGroup[g] = new Counter(window);
        }
        this.caseloadPerWorker = new Level(window);
        this.keyworkerFte = new Level(window);
        this.periods = new ReportingYears(scenario, window);
        this.referrals = new ReferralCounts(window, periods);
        this.starts = new Counter(window);
        this.waitDays = new Counter(window);
        this.waitedOver21 = new Counter(window);
        this.assessmentStarts = new Counter(window);
        this.assessmentWaitDays = new Counter(window);
        this.dropaways = new Counter(window);
        this.leavers = new Counter(window);
        this.completions = new Counter(window);
        this.dropouts = new Counter(window);
        this.transfers = new Counter(window);
        this.deathsInTreatment = new Counter(window);
        this.deathsAfterExit = new Counter(window);
        this.deathsWhileWaiting = new Counter(window);
        this.deathsAll = new Counter(window);
        seen = new SeenPerYear(periods, inTreatmentByGroup);
        indicator = new CompletionIndicator(periods, window);
        cohorts = new LeaverCohorts(window);
    }

    double[] periodStarts() {
        return periods.starts();
    }

    // ---------------------------------------------------------------- referral, waiting, assessment

    void referred(Client c, double now) {
        referrals.referred(c, now);
    }

    void waitedOver21Days(double now) {
        waitedOver21.count(now);
    }

    void assessmentStarted(double now, double waitedDays) {
        assessmentStarts.count(now);
        assessmentWaitDays.add(now, waitedDays);
    }

    void droppedAway(double now) {
        dropaways.count(now);
    }

    /** The number waiting for assessment or a place has changed: sets every waiting level. */
    void waiting(double now, int forAssessment, List<PathwayState> pathways) {
        int total = forAssessment;
        for (int i = 0, n = pathways.size(); i < n; i++) { // indexed: no iterator on this hot path
            PathwayState p = pathways.get(i);
            p.waiting.set(now, p.queued);
            total += p.queued;
        }
        waitingList.set(now, total);
    }

    /**
     * Staffing or caseloads have changed: keyworker FTE and caseload per worker over caseload
     * pathways. The people are counted as a whole number, so their total is exactly the sum of
     * doubles it used to be; the FTE is summed in scenario order, as before.
     */
    void staffing(double now, Pathways pathways) {
        double fte = pathways.caseloadFte();
        double clients = pathways.caseloadClients();
        keyworkerFte.set(now, fte);
        caseloadPerWorker.set(now, fte > 0 ? clients / fte : Double.NaN); // undefined without staff, not 0
    }

    // ---------------------------------------------------------------- treatment

    void treatmentStarted(double now, double waitedDays) {
        starts.count(now);
        waitDays.add(now, waitedDays);
    }

    /** Entering a treatment pathway, {@code elapsedDays} into an unbroken stay in treatment (initial caseload). */
    void enteredTreatment(Client c, double now, double elapsedDays) {
        marks.applyUntil(now);
        inTreatmentByGroup[c.groupIndex()].add(now, 1);
        c.treatedBefore = true;
        c.treatedSinceReferral = true;
        if (Double.isNaN(c.treatmentStreakStart)) {
            c.treatmentStreakStart = now - elapsedDays;
            c.countedAsShortStay = elapsedDays < SIX_MONTHS; // a new stay: the flag was cleared when the last one ended
            if (c.countedAsShortStay) shortStayersByGroup[c.groupIndex()].add(now, 1);
        }
        seen.entered(c, now);
        cohorts.enteredTreatment(c, now);
    }

    /**
     * The client stops counting as a short stayer at {@code t}: the stay reaches six months then,
     * within an episode that cannot end sooner, or (from {@link #leftPathway}) it ends now. The
     * flag changes at once; the level at {@code t}.
     */
    void shortStayEndsAt(Client c, double t) {
        c.countedAsShortStay = false;
        marks.add(t, shortStayersByGroup[c.groupIndex()], -1);
    }

    /** The stay reaches four years at {@code t} within this episode. */
    void longStayReachedAt(Client c, double t) {
        c.countedAsLongStay = true;
        marks.add(t, longStayers, 1);
        marks.add(t, longStayersByGroup[c.groupIndex()], 1);
    }

    /** Leaving a pathway; {@code staysInTreatment} when moving straight on to another treatment pathway. */
    void leftPathway(Client c, PathwayState p, double now, boolean staysInTreatment) {
        marks.applyUntil(now);
        if (p.isTreatment()) {
            inTreatmentByGroup[c.groupIndex()].add(now, -1);
            seen.left(c, now);
        }
        if (staysInTreatment) return;
        if (p.isTreatment()) treatmentExitsByGroup[c.groupIndex()].count(now);
        endStay(c, now);
    }

    /**
     * Someone moving between treatment pathways left the queue for the next one without
     * starting it (gave up waiting, or died): their stay in treatment, kept while they waited in
     * case the move went ahead, ends now, and they count as leaving treatment, with success
     * ({@code successful}) if they had completed the pathway they moved from and gave up.
     */
    void moveFailed(Client c, double now, boolean successful) {
        marks.applyUntil(now);
        treatmentExitsByGroup[c.groupIndex()].count(now);
        if (successful) successfulExit(c, now);
        else cohorts.left(c, now, false);
        endStay(c, now);
    }

    /** The end of an unbroken stay in treatment: it no longer counts as a short or a long one. */
    private void endStay(Client c, double now) {
        c.treatmentStreakStart = Double.NaN;
        if (c.countedAsShortStay) shortStayEndsAt(c, now);
        if (c.countedAsLongStay) {
            c.countedAsLongStay = false;
            longStayers.add(now, -1);
            longStayersByGroup[c.groupIndex()].add(now, -1);
        }
    }

    /**
     * Someone leaves treatment having completed it: a successful exit, and a completion of the
     * national indicator (completion and non-representation), which counts people leaving
     * treatment, not pathways completed on the way (a completion that moves on to another
     * treatment pathway is counted when that one ends).
     */
    void successfulExit(Client c, double now) {
        successfulExitsByGroup[c.groupIndex()].count(now);
        cohorts.left(c, now, true);
        indicator.completed(c, now);
    }

    /** A treatment pathway completed ({@code successful_completions_per_year}, pathways completed, moves on included). */
    void completed(double now) {
        completions.count(now);
    }

    void droppedOut(Client c, double now) {
        dropouts.count(now);
        cohorts.left(c, now, false);
    }

    void transferred(double now) {
        transfers.count(now);
    }

    // ---------------------------------------------------------------- leaving, deaths, re-presentation

    void left(double now) {
        leavers.count(now);
    }

    void diedWhileWaiting(double now) {
        deathsWhileWaiting.count(now);
        deathsAll.count(now);
    }

    void diedInTreatment(double now) {
        deathsInTreatment.count(now);
        deathsAll.count(now);
    }

    /** Deaths out of treatment within the follow-up window, and deaths in the recovery community. */
    void diedAfterExit(double now) {
        deathsAfterExit.count(now);
        deathsAll.count(now);
    }

    /** A re-presentation: counted against the completion indicator if within six months of a completion. */
    void representing(Client c, double now) {
        indicator.representing(c, now);
    }

    // ---------------------------------------------------------------- periods (years)

    /** At the start of a period everyone already in treatment is seen in it. */
    void periodStarted(double now) {
        int period = periods.of(now);
        if (period >= 0) seen.started(period);
    }

    // ---------------------------------------------------------------- results

    ReplicationResult results(int replication, List<PathwayState> pathways, Level assessors, Budget budget) {
        double end = window.end();
        marks.applyUntil(end);
        List<Level> all = new ArrayList<>(List.of(assessors, waitingList, longStayers, caseloadPerWorker, keyworkerFte));
        for (PathwayState p : pathways) all.addAll(List.of(p.occupancy, p.waiting, p.fte, p.places, p.perFte));
        all.addAll(List.of(inTreatmentByGroup));
        all.addAll(List.of(longStayersByGroup));
        all.addAll(List.of(shortStayersByGroup));
        for (Level l : all) l.advance(end);

        double years = window.years();
        double inTreatment = 0;
        double[] inTreatmentMonthly = new double[window.months()];
        for (PathwayState p : pathways) {
            if (!p.isTreatment()) continue;
            inTreatment += p.occupancy.mean();
            double[] m = p.occupancy.monthlyMeans();
            for (int i = 0; i < m.length; i++) inTreatmentMonthly[i] += m[i];
        }
        double spend = budget.spend(years);

        Map<String, Double> r = new LinkedHashMap<>();
        r.put(Metrics.REFERRALS_PER_MONTH, referrals.referralsPerMonth());
        r.put(Metrics.LEAVERS_PER_MONTH, leavers.total() / window.months());
        r.put(Metrics.REPRESENTATIONS_PER_YEAR, referrals.returnsPerYear());
        r.put(Metrics.IN_TREATMENT_MEAN, inTreatment);
        r.put(Metrics.WAITING_LIST_MEAN, waitingList.mean());
        r.put(Metrics.WAIT_DAYS_MEAN, ratio(waitDays.total(), starts.total()));
        r.put(Metrics.PCT_WAITING_OVER_21D, 100 * ratio(waitedOver21.total(), referrals.all()));
        r.put(Metrics.WAITED_OVER_21D_PER_YEAR, waitedOver21.perYear());
        r.put(Metrics.ASSESSMENT_WAIT_DAYS_MEAN, ratio(assessmentWaitDays.total(), assessmentStarts.total()));
        r.put(Metrics.ASSESSMENT_DROPAWAYS_PER_YEAR, dropaways.perYear());
        r.put(Metrics.SEEN_PER_YEAR, java.util.Arrays.stream(seen.seen()).average().orElse(Double.NaN));
        r.put(Metrics.STARTS_PER_YEAR, starts.perYear());
        r.put(Metrics.COMPLETIONS_PER_YEAR, completions.perYear());
        r.put(Metrics.DROPOUTS_PER_YEAR, dropouts.perYear());
        r.put(Metrics.TRANSFERS_PER_YEAR, transfers.perYear());
        double exits = 0;
        double successful = 0;
        for (int g = 0; g < GROUPS; g++) {
            exits += treatmentExitsByGroup[g].total();
            successful += successfulExitsByGroup[g].total();
        }
        r.put(Metrics.PCT_EXITS_SUCCESSFUL, 100 * ratio(successful, exits));
        int alcohol = Group.ALCOHOL.ordinal();
        r.put(Metrics.PCT_EXITS_SUCCESSFUL_ALCOHOL, 100 * ratio(successfulExitsByGroup[alcohol].total(),
                treatmentExitsByGroup[alcohol].total()));
        r.put(Metrics.DEATHS_PER_YEAR, deathsAll.perYear());
        r.put(Metrics.DEATHS_IN_TREATMENT_PER_YEAR, deathsInTreatment.perYear());
        r.put(Metrics.DEATHS_AFTER_EXIT_PER_YEAR, deathsAfterExit.perYear());
        r.put(Metrics.DEATHS_WHILE_WAITING_PER_YEAR, deathsWhileWaiting.perYear());
        r.put(Metrics.CASELOAD_PER_WORKER_MEAN, caseloadPerWorker.mean());
        r.put(Metrics.KEYWORKER_FTE_MEAN, keyworkerFte.mean());
        r.put(Metrics.CNR_OPIATE, indicator.percent(seen, Group.OPIATE));
        r.put(Metrics.CNR_NON_OPIATE, indicator.percent(seen, Group.NON_OPIATE, Group.NON_OPIATE_AND_ALCOHOL));
        r.put(Metrics.CNR_ALCOHOL, indicator.percent(seen, Group.ALCOHOL));
        r.put(Metrics.PCT_IN_TREATMENT_4Y, 100 * ratio(longStayers.mean(), inTreatment));
        int opiate = Group.OPIATE.ordinal();
        r.put(Metrics.PCT_OPIATE_4Y, 100 * ratio(longStayersByGroup[opiate].mean(), inTreatmentByGroup[opiate].mean()));
        r.put(Metrics.PCT_ALCOHOL_UNDER_6M, 100 * ratio(shortStayersByGroup[alcohol].mean(), inTreatmentByGroup[alcohol].mean()));
        for (Group g : Client.GROUPS) {
            r.put(Metrics.PCT_GROUP_PREFIX + g.key(), 100 * ratio(inTreatmentByGroup[g.ordinal()].mean(), inTreatment));
        }
        r.put(Metrics.SPEND_PER_YEAR, spend / years);
        r.put(Metrics.COST_PER_COMPLETION, ratio(spend, completions.total()));
        cohorts.putMetrics(r, deathsInTreatment.monthly(), seen.seen());
        for (PathwayState p : pathways) {
            String n = p.spec.name();
            r.put(Metrics.IN_TREATMENT_PREFIX + n, p.occupancy.mean());
            r.put(Metrics.PATHWAY_WAITING_PREFIX + n, p.waiting.mean());
            r.put(Metrics.ENTRIES_PREFIX + n, p.entries.perYear());
            r.put(Metrics.STAY_PREFIX + n, ratio(p.stayDays.total(), p.stays.total()));
            if (p.isCaseload()) r.put(Metrics.CASELOAD_PREFIX + n, p.perFte.mean()); // no staff ratio elsewhere
            r.put(Metrics.PATHWAY_COMPLETIONS_PREFIX + n, p.completions.perYear());
            r.put(Metrics.PATHWAY_SPEND_PREFIX + n, budget.spend(p) / years);
        }
        r.putAll(referrals.metrics());
        r.putAll(budget.costLines(years));

        Map<String, double[]> monthly = new LinkedHashMap<>();
        monthly.put(Metrics.M_IN_TREATMENT, inTreatmentMonthly);
        monthly.put(Metrics.M_WAITING_LIST, waitingList.monthlyMeans());
        monthly.put(Metrics.M_CASELOAD_PER_WORKER, caseloadPerWorker.monthlyMeans());
        monthly.put(Metrics.M_KEYWORKER_FTE, keyworkerFte.monthlyMeans());
        monthly.put(Metrics.M_REFERRALS, referrals.monthly());
        monthly.put(Metrics.M_COMPLETIONS, completions.monthly());
        monthly.put(Metrics.M_DEATHS, deathsAll.monthly());
        monthly.put(Metrics.M_SPEND, budget.monthlySpend());
        // Overflow (e.g. absurd staff numbers) is as undefined as a division by zero: one marker, NaN.
        r.replaceAll((k, v) -> Double.isFinite(v) ? v : Double.NaN);
        for (double[] series : monthly.values()) {
            for (int i = 0; i < series.length; i++) if (!Double.isFinite(series[i])) series[i] = Double.NaN;
        }
        return new ReplicationResult(replication, r, monthly);
    }

    /** a / b, or NaN when nothing was counted: a mean of nothing is undefined, not 0 (reports show it as such). */
    private static double ratio(double a, double b) {
        return b > 0 ? a / b : Double.NaN;
    }
}
