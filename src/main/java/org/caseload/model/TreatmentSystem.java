package org.caseload.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseload.engine.Engine;
import org.caseload.engine.Engine.Priority;
import org.caseload.engine.RandomStreams;
import org.caseload.experiment.ReplicationResult;
import org.caseload.scenario.ByGroup;
import org.caseload.scenario.Complexity;
import org.caseload.scenario.Distribution;
import org.caseload.scenario.Group;
import org.caseload.scenario.Readiness;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.Scenario.Episode;
import org.caseload.scenario.Scenario.RouteRule;
import umontreal.ssj.rng.RandomStream;

/**
 * One replication of one treatment system: referrals, assessment, routing into pathways,
 * episodes with competing outcomes, transfers, relapse and re-presentation, mortality and
 * the budget. A replication is a pure function of (scenario, replication index, streams).
 *
 * <p>Random numbers: arrival times come from named stream {@link #ARRIVAL_STREAM} and
 * thinning decisions from {@link #THINNING_STREAM}, substream r for replication r. Each
 * client k has stream {@code CLIENT_STREAM_BASE + k} (initial caseload:
 * {@code INITIAL_STREAM_BASE + k}), substream r. Each step of a client's journey draws a
 * fixed number of uniforms from that stream whatever the outcome.
 */
public final class TreatmentSystem {
    public static final long ARRIVAL_STREAM = 0;
    public static final long THINNING_STREAM = 1;
    public static final long CLIENT_STREAM_BASE = 1L << 20;
    public static final long INITIAL_STREAM_BASE = 1L << 40;

    private static final double SIX_MONTHS = 365.25 / 2;
    private static final double FOUR_YEARS = 4 * 365.25;
    private static final double STANDARD_WAIT_DAYS = 21;
    private static final int INITIAL_CANDIDATES = 8;

    private enum Outcome { COMPLETE, DROPOUT, TRANSFER }

    private enum LeaveReason { COMPLETED, DROPPED_OUT, DROPPED_AWAY }

    private final Scenario scenario;
    private final Engine engine = new Engine();
    private final Window window;
    private final RandomStream arrivalStream;
    private final RandomStream thinningStream;
    private final RandomStreams.Sequence clientStreams;
    private final RandomStreams.Sequence initialStreams;
    private final int replication;

    private final List<PathwayState> pathways = new ArrayList<>();
    private final Map<String, PathwayState> byName = new LinkedHashMap<>();
    private final Arrivals arrivals;
    private final Budget budget;

    // Assessment
    private final ArrayDeque<Client> assessmentQueue = new ArrayDeque<>();
    private int assessmentQueued;
    private int assessorsBusy;
    final Level assessors;

    // Levels and counters over the reporting window
    private final Level waitingList;
    private final Level longStayers;
    private final Level[] inTreatmentByGroup = new Level[Group.values().length];
    private final Level[] longStayersByGroup = new Level[Group.values().length];
    private final Level[] shortStayersByGroup = new Level[Group.values().length];
    /** People leaving treatment (not moving to another treatment pathway), and those who completed. */
    private final Counter[] treatmentExitsByGroup = new Counter[Group.values().length];
    private final Counter[] successfulExitsByGroup = new Counter[Group.values().length];
    private final Level caseloadPerWorker;
    private final Level keyworkerFte;
    private final Counter referrals;
    private final Counter representations;
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
    private final double[] periodStarts;
    private final double periodLength;
    private final int[] seen;
    private final int[][] seenByGroup;
    private final int[][] completionsByGroup;
    private final int[][] representedWithin6m;

    private int clientsCreated;
    private int awaitingReturn;
    private int gone;

    public TreatmentSystem(Scenario scenario, RandomStreams streams, int replication) {
        this.scenario = scenario;
        this.replication = replication;
        double start = scenario.warmupDays();
        this.window = new Window(start, start + scenario.horizonDays(), Scenario.DAYS_PER_MONTH, scenario.horizonMonths());
        this.arrivalStream = streams.stream(ARRIVAL_STREAM, replication);
        this.thinningStream = streams.stream(THINNING_STREAM, replication);
        this.clientStreams = streams.sequence(CLIENT_STREAM_BASE, replication);
        this.initialStreams = streams.sequence(INITIAL_STREAM_BASE, replication);
        int i = 0;
        for (Scenario.Pathway p : scenario.pathways().values()) {
            PathwayState s = new PathwayState(p, i++, window);
            pathways.add(s);
            byName.put(p.name(), s);
        }
        this.arrivals = new Arrivals(scenario.arrivals(), window);
        this.assessors = new Level(window);
        assessors.set(0, scenario.assessment().workers());
        this.waitingList = new Level(window);
        this.longStayers = new Level(window);
        for (Group g : Group.values()) {
            inTreatmentByGroup[g.ordinal()] = new Level(window);
            longStayersByGroup[g.ordinal()] = new Level(window);
            shortStayersByGroup[g.ordinal()] = new Level(window);
            treatmentExitsByGroup[g.ordinal()] = new Counter(window);
            successfulExitsByGroup[g.ordinal()] = new Counter(window);
        }
        this.caseloadPerWorker = new Level(window);
        this.keyworkerFte = new Level(window);
        this.referrals = new Counter(window);
        this.representations = new Counter(window);
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
        int years = scenario.horizonMonths() / 12;
        if (years >= 1) {
            periodLength = Scenario.DAYS_PER_YEAR;
            periodStarts = new double[years];
            for (int y = 0; y < years; y++) periodStarts[y] = start + y * periodLength;
        } else {
            periodLength = scenario.horizonDays();
            periodStarts = new double[] {start};
        }
        int n = periodStarts.length;
        seen = new int[n];
        seenByGroup = new int[n][Group.values().length];
        completionsByGroup = new int[n][Group.values().length];
        representedWithin6m = new int[n][Group.values().length];
        this.budget = new Budget(scenario, pathways, this);
        refreshStaffLevels(0);
    }

    /** Runs the replication to the end of the reporting window and returns its results. */
    public ReplicationResult run() {
        seedInitialCaseload();
        for (int p = 0; p < periodStarts.length; p++) {
            final int period = p;
            engine.at(periodStarts[p], Priority.SYSTEM, () -> startPeriod(period));
        }
        budget.schedule(engine);
        scheduleNextArrival(0);
        engine.runUntil(window.end());
        return results();
    }

    public long eventsExecuted() {
        return engine.eventsExecuted();
    }

    // ---------------------------------------------------------------- arrivals

    private void scheduleNextArrival(double now) {
        double max = arrivals.maxRatePerDay();
        if (max <= 0) return;
        double t = now;
        // Thinning (Lewis & Shedler): candidates at the maximum rate, each kept with
        // probability rate(t)/max. Candidates are common to scenarios with the same maximum.
        while (true) {
            t += -Math.log(arrivalStream.nextDouble()) / max;
            if (t >= window.end()) return;
            double keep = thinningStream.nextDouble();
            if (keep * max <= arrivals.ratePerDay(t)) break;
        }
        final double arrival = t;
        engine.at(arrival, Priority.CLIENT, () -> {
            Client c = newClient(clientStreams.next());
            clientsCreated++;
            refer(c);
            scheduleNextArrival(arrival);
        });
    }

    private Client newClient(RandomStream s) {
        Scenario.ClientMix mix = scenario.clients();
        Group g = Group.values()[pick(mix.groupShares(), s.nextDouble())];
        Complexity c = Complexity.values()[pick(mix.complexityShares()[g.ordinal()], s.nextDouble())];
        Readiness r = s.nextDouble() < mix.readyToChange()[g.ordinal()] ? Readiness.LIKELY : Readiness.UNLIKELY;
        int prev = pick(mix.previousEpisodesShares()[g.ordinal()], s.nextDouble());
        return new Client(s, g, c, r, prev);
    }

    static int pick(double[] shares, double u) {
        double acc = 0;
        for (int i = 0; i < shares.length; i++) {
            acc += shares[i];
            if (u < acc) return i;
        }
        for (int i = shares.length - 1; i >= 0; i--) if (shares[i] > 0) return i;
        return shares.length - 1;
    }

    // ---------------------------------------------------------------- referral and assessment

    /** A referral: four uniforms (assessment patience, service time, route, death while waiting). */
    private void refer(Client c) {
        double now = engine.now();
        c.token++;
        c.referralTime = now;
        c.startedTreatmentThisJourney = false;
        c.inJourney = true;
        final int journey = ++c.journey;
        engine.after(STANDARD_WAIT_DAYS, () -> {
            if (c.journey == journey && c.inJourney && !c.startedTreatmentThisJourney) waitedOver21.count(engine.now());
        });
        referrals.count(now);
        if (c.representing) representations.count(now);
        double uPatience = c.u();
        double uService = c.u();
        double uRoute = c.u();
        double uDeath = c.u();
        Scenario.Assessment a = scenario.assessment();
        double service = a.serviceDays().quantile(uService);
        if (assessorsBusy < (int) assessors.value()) {
            startAssessment(c, service, uRoute);
            return;
        }
        assessmentQueue.addLast(c);
        assessmentQueued++;
        refreshWaiting(now);
        final int token = c.token;
        c.awaitingAssessment = true;
        c.queuedServiceDays = service;
        c.routeUniform = uRoute;
        scheduleDeathWhileWaiting(c, uDeath, () -> {
            c.awaitingAssessment = false;
            assessmentQueued--;
        });
        if (a.patienceDays() != null) {
            engine.after(a.patienceDays().quantile(uPatience), () -> {
                if (c.token == token && c.awaitingAssessment) {
                    c.awaitingAssessment = false;
                    assessmentQueued--;
                    refreshWaiting(engine.now());
                    dropaways.count(engine.now());
                    c.token++;
                    leave(c, LeaveReason.DROPPED_AWAY, false, false);
                }
            });
        }
    }

    private void startAssessment(Client c, double service, double uRoute) {
        double now = engine.now();
        assessorsBusy++;
        assessmentStarts.count(now);
        assessmentWaitDays.add(now, now - c.referralTime);
        final int token = c.token;
        engine.after(service, () -> {
            assessorsBusy--;
            pullAssessmentQueue();
            if (c.token == token) admit(c, route(c, uRoute));
        });
    }

    private void pullAssessmentQueue() {
        while (assessorsBusy < (int) assessors.value() && !assessmentQueue.isEmpty()) {
            Client next = assessmentQueue.pollFirst();
            if (!next.awaitingAssessment) continue; // dropped away while waiting
            next.awaitingAssessment = false;
            next.token++; // the wait is over: its death-while-waiting and patience events are void
            assessmentQueued--;
            refreshWaiting(engine.now());
            startAssessment(next, next.queuedServiceDays, next.routeUniform);
        }
    }

    private PathwayState route(Client c, double u) {
        for (RouteRule rule : scenario.routing()) {
            if (rule.matches(c.group, c.complexity, c.readiness)) {
                double acc = 0;
                String chosen = null;
                for (Map.Entry<String, Double> e : rule.split().entrySet()) {
                    acc += e.getValue();
                    chosen = e.getKey();
                    if (u < acc) break;
                }
                return byName.get(chosen);
            }
        }
        throw new IllegalStateException("no routing rule matches " + c.group + "/" + c.complexity + "/" + c.readiness);
    }

    // ---------------------------------------------------------------- pathways

    /** Admission to a pathway: two uniforms (patience and death, if the client has to wait). */
    private void admit(Client c, PathwayState p) {
        double uPatience = c.u();
        double uDeath = c.u();
        if (p.hasRoom() && p.queued == 0) {
            startEpisode(c, p);
            return;
        }
        double now = engine.now();
        p.queue.addLast(c);
        p.queued++;
        c.token++;
        c.queuedFor = p;
        refreshWaiting(now);
        scheduleDeathWhileWaiting(c, uDeath, () -> {
            c.queuedFor = null;
            p.queued--;
        });
        if (p.spec.patienceDays() != null) {
            final int token = c.token;
            engine.after(p.spec.patienceDays().quantile(uPatience), () -> {
                if (c.token == token && c.queuedFor == p) {
                    c.queuedFor = null;
                    p.queued--;
                    refreshWaiting(engine.now());
                    dropaways.count(engine.now());
                    c.token++;
                    leave(c, LeaveReason.DROPPED_AWAY, false, false);
                }
            });
        }
    }

    /**
     * People waiting (for assessment or a place) are out of treatment and die at the
     * out-of-treatment rate; {@code leaveQueue} takes them off their queue. The event is
     * stale once the client's token moves on (assessed, admitted or dropped away).
     */
    private void scheduleDeathWhileWaiting(Client c, double u, Runnable leaveQueue) {
        double ratePerDay = scenario.mortality().outOfTreatmentPer1000().get(c.group) / 1000.0 / Scenario.DAYS_PER_YEAR;
        if (ratePerDay <= 0) return;
        final int token = c.token;
        engine.after(-Math.log(u) / ratePerDay, () -> {
            if (c.token != token) return;
            double now = engine.now();
            leaveQueue.run();
            c.token++;
            c.inJourney = false;
            refreshWaiting(now);
            gone++;
            leavers.count(now);
            deathsWhileWaiting.count(now);
            deathsAll.count(now);
        });
    }

    /** Lets people in from the pathway's queue while it has room. */
    void pullQueue(PathwayState p) {
        while (p.queued > 0 && p.hasRoom()) {
            Client next = p.queue.pollFirst();
            if (next.queuedFor != p) continue; // dropped away
            next.queuedFor = null;
            p.queued--;
            refreshWaiting(engine.now());
            startEpisode(next, p);
        }
    }

    /** How an episode will go: its ending, the days left, and the days already spent (initial caseload). */
    private record Plan(Outcome outcome, double remainingDays, double elapsedDays) {
    }

    /** Starts an episode for someone arriving now: two uniforms (outcome, duration) plus the death draw. */
    private void startEpisode(Client c, PathwayState p) {
        Episode ep = p.spec.episodes().get(c.group);
        Outcome outcome = chooseOutcome(c, p, ep, c.u());
        startEpisode(c, p, new Plan(outcome, duration(ep, outcome, c.u()), 0), false);
    }

    private static double duration(Episode ep, Outcome outcome, double u) {
        Distribution d = switch (outcome) {
            case COMPLETE -> ep.completeDays();
            case DROPOUT -> ep.dropoutDays();
            case TRANSFER -> ep.transferDays();
        };
        return d.quantile(u);
    }

    /** Starts an episode with a known plan: one uniform (time to death in the pathway). */
    private void startEpisode(Client c, PathwayState p, Plan plan, boolean initial) {
        double now = engine.now();
        c.token++;
        boolean treatment = p.spec.treatment();
        if (!initial && !Double.isNaN(c.referralTime) && !c.startedTreatmentThisJourney && treatment) {
            c.startedTreatmentThisJourney = true;
            double wait = now - c.referralTime;
            starts.count(now);
            waitDays.add(now, wait);
        }
        p.add(now, c);
        if (treatment) inTreatmentByGroup[c.group.ordinal()].add(now, 1);
        p.entries.count(now);
        c.pathwayEntryTime = now - plan.elapsedDays();
        if (treatment) {
            c.treatedBefore = true;
            if (Double.isNaN(c.treatmentStreakStart)) {
                c.treatmentStreakStart = now - plan.elapsedDays();
                if (plan.elapsedDays() < SIX_MONTHS) {
                    c.countedAsShortStay = true;
                    shortStayersByGroup[c.group.ordinal()].add(now, 1);
                }
            }
            markSeen(c, now);
        }
        refreshStaffLevels(now);

        ByGroup<Double> rates = treatment ? scenario.mortality().inTreatmentPer1000() : scenario.mortality().outOfTreatmentPer1000();
        double ratePerDay = rates.get(c.group) / 1000.0 / Scenario.DAYS_PER_YEAR;
        double uDeath = c.u();
        double death = ratePerDay > 0 ? -Math.log(uDeath) / ratePerDay : Double.POSITIVE_INFINITY;
        final int token = c.token;
        final Outcome outcome = plan.outcome();
        if (treatment) {
            double episodeEnd = now + Math.min(death, plan.remainingDays());
            scheduleShortStayEnd(c, episodeEnd);
            scheduleLongStayCheck(c, episodeEnd);
        }
        if (death < plan.remainingDays()) {
            engine.after(death, () -> {
                if (c.token == token) dieInPathway(c, p);
            });
        } else {
            engine.after(plan.remainingDays(), () -> {
                if (c.token == token) endEpisode(c, p, outcome);
            });
        }
    }

    /**
     * Chooses how the episode will end. Base weights by group; completion weighted by
     * complexity and by history; caseload pressure x lowers completion by 1/(1+k·x) and
     * raises drop-out by (1+k·x); then normalised.
     */
    private Outcome chooseOutcome(Client c, PathwayState p, Episode ep, double u) {
        Scenario.Effects fx = scenario.effects();
        double x = p.pressure();
        double wc = ep.pComplete() * fx.completionOddsByComplexity()[c.complexity.ordinal()]
                * Math.pow(fx.completionOddsPerPreviousEpisode(), c.previousEpisodes)
                / (1 + fx.pressureCompletion() * x);
        double wd = ep.pDropout() * (1 + fx.pressureDropout() * x);
        double wt = ep.pTransfer();
        double total = wc + wd + wt;
        if (total <= 0) return Outcome.DROPOUT;
        double v = u * total;
        if (v < wc) return Outcome.COMPLETE;
        if (v < wc + wd) return Outcome.DROPOUT;
        return Outcome.TRANSFER;
    }

    /** Marks the moment an unbroken stay reaches six months, if it does so within this episode. */
    private void scheduleShortStayEnd(Client c, double episodeEnd) {
        if (!c.countedAsShortStay) return;
        double at = c.treatmentStreakStart + SIX_MONTHS;
        if (at > episodeEnd) return;
        final double streak = c.treatmentStreakStart;
        engine.at(Math.max(at, engine.now()), Priority.CLIENT, () -> {
            if (c.countedAsShortStay && c.treatmentStreakStart == streak) {
                c.countedAsShortStay = false;
                shortStayersByGroup[c.group.ordinal()].add(engine.now(), -1);
            }
        });
    }

    /**
     * Marks the moment an unbroken stay in treatment reaches four years, if it does so
     * before this episode ends (a following treatment episode checks again). Scheduling it
     * only then keeps hundreds of thousands of never-needed events out of the event list.
     */
    private void scheduleLongStayCheck(Client c, double episodeEnd) {
        if (c.countedAsLongStay) return;
        double at = c.treatmentStreakStart + FOUR_YEARS;
        if (at > episodeEnd) return;
        final double streak = c.treatmentStreakStart;
        engine.at(Math.max(at, engine.now()), Priority.CLIENT, () -> {
            if (!c.countedAsLongStay && c.treatmentStreakStart == streak && c.pathway != null && c.pathway.spec.treatment()) {
                c.countedAsLongStay = true;
                longStayers.add(engine.now(), 1);
                longStayersByGroup[c.group.ordinal()].add(engine.now(), 1);
            }
        });
    }

    private void leavePathway(Client c, PathwayState p, boolean staysInTreatment) {
        double now = engine.now();
        p.remove(now, c);
        if (p.spec.treatment()) inTreatmentByGroup[c.group.ordinal()].add(now, -1);
        p.stays.count(now);
        p.stayDays.add(now, now - c.pathwayEntryTime);
        if (!staysInTreatment) {
            if (p.spec.treatment()) treatmentExitsByGroup[c.group.ordinal()].count(now);
            c.treatmentStreakStart = Double.NaN;
            if (c.countedAsShortStay) {
                c.countedAsShortStay = false;
                shortStayersByGroup[c.group.ordinal()].add(now, -1);
            }
            if (c.countedAsLongStay) {
                c.countedAsLongStay = false;
                longStayers.add(now, -1);
                longStayersByGroup[c.group.ordinal()].add(now, -1);
            }
        }
        refreshStaffLevels(now);
        pullQueue(p);
    }

    private void dieInPathway(Client c, PathwayState p) {
        double now = engine.now();
        c.token++;
        c.inJourney = false;
        leavePathway(c, p, false);
        gone++;
        leavers.count(now);
        if (p.spec.treatment()) deathsInTreatment.count(now);
        else deathsAfterExit.count(now);
        deathsAll.count(now);
    }

    /** End of an episode: one uniform (where a completer or a transfer goes next). */
    private void endEpisode(Client c, PathwayState p, Outcome outcome) {
        double now = engine.now();
        c.token++;
        double uNext = c.u();
        boolean treatment = p.spec.treatment();
        switch (outcome) {
            case COMPLETE -> {
                PathwayState next = chooseTarget(p.spec.onCompletion(), uNext, true);
                boolean staysInTreatment = next != null && next.spec.treatment();
                leavePathway(c, p, staysInTreatment);
                if (treatment && !staysInTreatment) successfulExitsByGroup[c.group.ordinal()].count(now);
                if (treatment) {
                    recordCompletion(c, now);
                    p.completions.count(now);
                }
                if (next != null) admit(c, next);
                else leave(c, LeaveReason.COMPLETED, p.spec.prescribing(), !treatment);
            }
            case DROPOUT -> {
                leavePathway(c, p, false);
                if (treatment) dropouts.count(now);
                leave(c, treatment ? LeaveReason.DROPPED_OUT : LeaveReason.COMPLETED, p.spec.prescribing(), false);
            }
            case TRANSFER -> {
                if (treatment) transfers.count(now);
                PathwayState next = chooseTarget(p.spec.transferTo(), uNext, false);
                leavePathway(c, p, next != null && next.spec.treatment());
                if (next != null) admit(c, next);
                else {
                    gone++; // transferred out of the area: no longer followed
                    leavers.count(now);
                }
            }
        }
    }

    /** Picks a target from shares; for on-completion moves the shares may sum to less than 1 (rest: leave). */
    private PathwayState chooseTarget(Map<String, Double> shares, double u, boolean partial) {
        if (shares.isEmpty()) return null;
        double acc = 0;
        String last = null;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            acc += e.getValue();
            last = e.getKey();
            if (u < acc) return byName.get(e.getKey());
        }
        return partial ? null : byName.get(last);
    }

    private void recordCompletion(Client c, double now) {
        completions.count(now);
        c.lastCompletionTime = now;
        c.lastCompletionPeriod = period(now);
        if (c.lastCompletionPeriod >= 0) completionsByGroup[c.lastCompletionPeriod][c.group.ordinal()]++;
    }

    // ---------------------------------------------------------------- after leaving

    /**
     * Out of the system: five uniforms (relapse, time to relapse, re-presentation, delay,
     * death). The person re-presents if they relapse and return before they die; deaths
     * within the follow-up window are counted.
     */
    private void leave(Client c, LeaveReason reason, boolean afterPrescribing, boolean completedRecoveryCommunity) {
        double now = engine.now();
        c.inJourney = false;
        leavers.count(now);
        Scenario.AfterExit ax = scenario.afterExit();
        double uRelapse = c.u();
        double uRelapseTime = c.u();
        double uRepresent = c.u();
        double uDelay = c.u();
        double uDeath = c.u();
        double pRelapse;
        double relapseDays;
        switch (reason) {
            case COMPLETED -> {
                pRelapse = ax.relapseAfterCompletion().get(c.group)
                        * (completedRecoveryCommunity ? ax.recoveryCommunityRelapseMultiplier() : 1.0);
                relapseDays = ax.relapseAfterCompletionDays().quantile(uRelapseTime);
            }
            case DROPPED_OUT -> {
                pRelapse = ax.relapseAfterDropout().get(c.group);
                relapseDays = ax.relapseAfterDropoutDays().quantile(uRelapseTime);
            }
            default -> { // never started treatment: still using
                pRelapse = 1.0;
                relapseDays = 0;
            }
        }
        boolean returns = uRelapse < Math.min(1.0, pRelapse) && uRepresent < ax.representProbability().get(c.group);
        double returnDays = returns ? relapseDays + ax.representDelayDays().quantile(uDelay) : Double.POSITIVE_INFINITY;
        double deathDays = timeToDeathAfterExit(c.group, afterPrescribing, -Math.log(uDeath));
        final int token = ++c.token;
        if (returnDays < deathDays) {
            awaitingReturn++;
            engine.after(returnDays, () -> {
                if (c.token != token) return;
                awaitingReturn--;
                representAt(c);
            });
            return;
        }
        gone++;
        if (deathDays <= ax.followupDays()) {
            engine.after(deathDays, () -> {
                if (c.token != token) return;
                c.token++;
                deathsAfterExit.count(engine.now());
                deathsAll.count(engine.now());
            });
        }
    }

    /** Inverts the cumulative post-exit hazard at {@code e} (an Exp(1) draw): days to death. */
    double timeToDeathAfterExit(Group g, boolean afterPrescribing, double e) {
        Scenario.Mortality m = scenario.mortality();
        double in = m.inTreatmentPer1000().get(g) / 1000.0 / Scenario.DAYS_PER_YEAR;
        double out = m.outOfTreatmentPer1000().get(g) / 1000.0 / Scenario.DAYS_PER_YEAR;
        double offset = 0;
        if (afterPrescribing) {
            double[] rates = {in * m.postExitMultiplierWeeks1To2(), in * m.postExitMultiplierWeeks3To4()};
            for (double r : rates) {
                double h = r * 14;
                if (e < h) return offset + e / r;
                e -= h;
                offset += 14;
            }
        }
        return out > 0 ? offset + e / out : Double.POSITIVE_INFINITY;
    }

    private void representAt(Client c) {
        double now = engine.now();
        if (c.treatedBefore) c.previousEpisodes++;
        c.representing = true;
        if (!Double.isNaN(c.lastCompletionTime) && now - c.lastCompletionTime <= SIX_MONTHS && c.lastCompletionPeriod >= 0) {
            representedWithin6m[c.lastCompletionPeriod][c.group.ordinal()]++;
            c.lastCompletionTime = Double.NaN;
        }
        refer(c);
    }

    // ---------------------------------------------------------------- initial caseload

    /**
     * People already in treatment at time 0. People found in a pathway at a random moment
     * are length-biased (long stays are over-represented), so each initial client is picked
     * from {@value #INITIAL_CANDIDATES} candidate (person, episode) pairs with probability
     * proportional to the episode's length, and starts a uniform fraction of the way
     * through it. Candidates are people the routing rules would send to the pathway.
     */
    private void seedInitialCaseload() {
        for (Map.Entry<String, Integer> e : scenario.initialCaseload().entrySet()) {
            PathwayState p = byName.get(e.getKey());
            double[] weights = attributeWeights(p);
            for (int i = 0; i < e.getValue(); i++) {
                RandomStream s = initialStreams.next();
                Client[] people = new Client[INITIAL_CANDIDATES];
                Plan[] plans = new Plan[INITIAL_CANDIDATES];
                double total = 0;
                for (int k = 0; k < INITIAL_CANDIDATES; k++) {
                    people[k] = routedCandidate(s, weights);
                    Episode ep = p.spec.episodes().get(people[k].group);
                    Outcome o = chooseOutcome(people[k], p, ep, s.nextDouble());
                    plans[k] = new Plan(o, duration(ep, o, s.nextDouble()), 0);
                    total += plans[k].remainingDays();
                }
                double pick = s.nextDouble() * total;
                int chosen = 0;
                for (double acc = plans[0].remainingDays(); acc <= pick && chosen < INITIAL_CANDIDATES - 1; ) {
                    chosen++;
                    acc += plans[chosen].remainingDays();
                }
                double length = plans[chosen].remainingDays();
                double elapsed = s.nextDouble() * length;
                Client c = people[chosen];
                clientsCreated++;
                c.treatedBefore = true;
                startEpisode(c, p, new Plan(plans[chosen].outcome(), length - elapsed, elapsed), true);
            }
        }
    }

    /**
     * A person the routing would send to {@code p}: group, complexity and readiness drawn
     * from the referral mix conditioned on that (one uniform), then history (one uniform).
     * Pathways reached only by transfer take the unconditioned mix.
     */
    private Client routedCandidate(RandomStream s, double[] weights) {
        int k = pick(weights, s.nextDouble() * sum(weights));
        int nc = Complexity.values().length;
        int nr = Readiness.values().length;
        Group g = Group.values()[k / (nc * nr)];
        Complexity c = Complexity.values()[(k / nr) % nc];
        Readiness r = Readiness.values()[k % nr];
        int prev = pick(scenario.clients().previousEpisodesShares()[g.ordinal()], s.nextDouble());
        return new Client(s, g, c, r, prev);
    }

    /** P(group, complexity, readiness and routed to p), indexed group-major; unconditioned if p is never routed to. */
    private double[] attributeWeights(PathwayState p) {
        Scenario.ClientMix mix = scenario.clients();
        boolean reachable = isRoutedTo(p);
        int nc = Complexity.values().length;
        int nr = Readiness.values().length;
        double[] w = new double[Group.values().length * nc * nr];
        for (Group g : Group.values()) {
            for (Complexity c : Complexity.values()) {
                for (Readiness r : Readiness.values()) {
                    double pr = r == Readiness.LIKELY ? mix.readyToChange()[g.ordinal()] : 1 - mix.readyToChange()[g.ordinal()];
                    double share = reachable ? routeShare(g, c, r, p.spec.name()) : 1;
                    w[(g.ordinal() * nc + c.ordinal()) * nr + r.ordinal()] =
                            mix.groupShares()[g.ordinal()] * mix.complexityShares()[g.ordinal()][c.ordinal()] * pr * share;
                }
            }
        }
        if (sum(w) <= 0) throw new IllegalStateException("no referral can reach pathway " + p.spec.name());
        return w;
    }

    private double routeShare(Group g, Complexity c, Readiness r, String pathway) {
        for (RouteRule rule : scenario.routing()) {
            if (rule.matches(g, c, r)) return rule.split().getOrDefault(pathway, 0.0);
        }
        return 0;
    }

    private static double sum(double[] xs) {
        double t = 0;
        for (double x : xs) t += x;
        return t;
    }

    private boolean isRoutedTo(PathwayState p) {
        for (RouteRule r : scenario.routing()) {
            Double share = r.split().get(p.spec.name());
            if (share != null && share > 0) return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- periods (years)

    private int period(double t) {
        if (!window.contains(t)) return -1;
        int p = (int) Math.floor((t - window.start()) / periodLength);
        return p < periodStarts.length ? p : -1;
    }

    private void startPeriod(int period) {
        for (PathwayState p : pathways) {
            if (!p.spec.treatment()) continue;
            for (Client c : p.members()) markSeen(c, engine.now());
        }
    }

    private void markSeen(Client c, double now) {
        int period = period(now);
        if (period < 0 || c.lastSeenPeriod == period) return;
        c.lastSeenPeriod = period;
        seen[period]++;
        seenByGroup[period][c.group.ordinal()]++;
    }

    // ---------------------------------------------------------------- levels

    void refreshWaiting(double now) {
        int total = assessmentQueued;
        for (PathwayState p : pathways) {
            p.waiting.set(now, p.queued);
            total += p.queued;
        }
        waitingList.set(now, total);
    }

    void refreshStaffLevels(double now) {
        double fte = 0;
        double clients = 0;
        for (PathwayState p : pathways) {
            if (!p.isCaseload()) continue;
            fte += p.fte.value();
            clients += p.size();
        }
        keyworkerFte.set(now, fte);
        caseloadPerWorker.set(now, fte > 0 ? clients / fte : Double.NaN); // undefined without staff, not 0
    }

    /** Called by the budget after a change of staffing. */
    void capacityChanged() {
        double now = engine.now();
        refreshStaffLevels(now);
        pullAssessmentQueue();
        for (PathwayState p : pathways) pullQueue(p);
    }

    double now() {
        return engine.now();
    }

    // ---------------------------------------------------------------- results

    private ReplicationResult results() {
        double end = window.end();
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
            if (!p.spec.treatment()) continue;
            inTreatment += p.occupancy.mean();
            double[] m = p.occupancy.monthlyMeans();
            for (int i = 0; i < m.length; i++) inTreatmentMonthly[i] += m[i];
        }
        double spend = budget.spend(years);
        double[] spendMonthly = budget.monthlySpend();

        Map<String, Double> r = new LinkedHashMap<>();
        r.put(Metrics.REFERRALS_PER_MONTH, referrals.total() / window.months());
        r.put(Metrics.LEAVERS_PER_MONTH, leavers.total() / window.months());
        r.put(Metrics.REPRESENTATIONS_PER_YEAR, representations.perYear());
        r.put(Metrics.IN_TREATMENT_MEAN, inTreatment);
        r.put(Metrics.WAITING_LIST_MEAN, waitingList.mean());
        r.put(Metrics.WAIT_DAYS_MEAN, ratio(waitDays.total(), starts.total()));
        r.put(Metrics.PCT_WAITING_OVER_21D, 100 * ratio(waitedOver21.total(), referrals.total()));
        r.put(Metrics.WAITED_OVER_21D_PER_YEAR, waitedOver21.perYear());
        r.put(Metrics.ASSESSMENT_WAIT_DAYS_MEAN, ratio(assessmentWaitDays.total(), assessmentStarts.total()));
        r.put(Metrics.ASSESSMENT_DROPAWAYS_PER_YEAR, dropaways.perYear());
        r.put(Metrics.SEEN_PER_YEAR, mean(seen));
        r.put(Metrics.STARTS_PER_YEAR, starts.perYear());
        r.put(Metrics.COMPLETIONS_PER_YEAR, completions.perYear());
        r.put(Metrics.DROPOUTS_PER_YEAR, dropouts.perYear());
        r.put(Metrics.TRANSFERS_PER_YEAR, transfers.perYear());
        double exits = 0;
        double successful = 0;
        for (Group g : Group.values()) {
            exits += treatmentExitsByGroup[g.ordinal()].total();
            successful += successfulExitsByGroup[g.ordinal()].total();
        }
        r.put(Metrics.PCT_EXITS_SUCCESSFUL, 100 * ratio(successful, exits));
        r.put(Metrics.PCT_EXITS_SUCCESSFUL_ALCOHOL, 100 * ratio(successfulExitsByGroup[Group.ALCOHOL.ordinal()].total(),
                treatmentExitsByGroup[Group.ALCOHOL.ordinal()].total()));
        r.put(Metrics.DEATHS_PER_YEAR, deathsAll.perYear());
        r.put(Metrics.DEATHS_IN_TREATMENT_PER_YEAR, deathsInTreatment.perYear());
        r.put(Metrics.DEATHS_AFTER_EXIT_PER_YEAR, deathsAfterExit.perYear());
        r.put(Metrics.DEATHS_WHILE_WAITING_PER_YEAR, deathsWhileWaiting.perYear());
        r.put(Metrics.CASELOAD_PER_WORKER_MEAN, caseloadPerWorker.mean());
        r.put(Metrics.KEYWORKER_FTE_MEAN, keyworkerFte.mean());
        r.put(Metrics.CNR_OPIATE, completionNonRepresentation(Group.OPIATE));
        r.put(Metrics.CNR_NON_OPIATE, completionNonRepresentation(Group.NON_OPIATE, Group.NON_OPIATE_AND_ALCOHOL));
        r.put(Metrics.CNR_ALCOHOL, completionNonRepresentation(Group.ALCOHOL));
        r.put(Metrics.PCT_IN_TREATMENT_4Y, 100 * ratio(longStayers.mean(), inTreatment));
        int opiate = Group.OPIATE.ordinal();
        r.put(Metrics.PCT_OPIATE_4Y, 100 * ratio(longStayersByGroup[opiate].mean(), inTreatmentByGroup[opiate].mean()));
        int alcohol = Group.ALCOHOL.ordinal();
        r.put(Metrics.PCT_ALCOHOL_UNDER_6M, 100 * ratio(shortStayersByGroup[alcohol].mean(), inTreatmentByGroup[alcohol].mean()));
        for (Group g : Group.values()) {
            r.put(Metrics.PCT_GROUP_PREFIX + g.key(), 100 * ratio(inTreatmentByGroup[g.ordinal()].mean(), inTreatment));
        }
        r.put(Metrics.SPEND_PER_YEAR, spend / years);
        r.put(Metrics.COST_PER_COMPLETION, ratio(spend, completions.total()));
        for (PathwayState p : pathways) {
            String n = p.spec.name();
            r.put(Metrics.IN_TREATMENT_PREFIX + n, p.occupancy.mean());
            r.put(Metrics.PATHWAY_WAITING_PREFIX + n, p.waiting.mean());
            r.put(Metrics.ENTRIES_PREFIX + n, p.entries.perYear());
            r.put(Metrics.STAY_PREFIX + n, ratio(p.stayDays.total(), p.stays.total()));
            if (p.isCaseload()) r.put(Metrics.CASELOAD_PREFIX + n, p.perFte.mean()); // no staff ratio elsewhere
            r.put(Metrics.PATHWAY_COMPLETIONS_PREFIX + n, p.completions.perYear());
            r.put(Metrics.PATHWAY_SPEND_PREFIX + n, Budget.spend(p) / years);
        }

        Map<String, double[]> monthly = new LinkedHashMap<>();
        monthly.put(Metrics.M_IN_TREATMENT, inTreatmentMonthly);
        monthly.put(Metrics.M_WAITING_LIST, waitingList.monthlyMeans());
        monthly.put(Metrics.M_CASELOAD_PER_WORKER, caseloadPerWorker.monthlyMeans());
        monthly.put(Metrics.M_KEYWORKER_FTE, keyworkerFte.monthlyMeans());
        monthly.put(Metrics.M_REFERRALS, referrals.monthly());
        monthly.put(Metrics.M_COMPLETIONS, completions.monthly());
        monthly.put(Metrics.M_DEATHS, deathsAll.monthly());
        monthly.put(Metrics.M_SPEND, spendMonthly);
        // Overflow (e.g. absurd staff numbers) is as undefined as a division by zero: one marker, NaN.
        r.replaceAll((k, v) -> Double.isFinite(v) ? v : Double.NaN);
        for (double[] series : monthly.values()) {
            for (int i = 0; i < series.length; i++) if (!Double.isFinite(series[i])) series[i] = Double.NaN;
        }
        return new ReplicationResult(replication, r, monthly);
    }

    /**
     * The national indicator, pooled over the reporting years that have six months of
     * follow-up inside the window (all years if none has).
     */
    private double completionNonRepresentation(Group... groups) {
        List<Integer> eligible = new ArrayList<>();
        for (int p = 0; p < periodStarts.length; p++) {
            if (periodStarts[p] + periodLength + SIX_MONTHS <= window.end() + 1e-9) eligible.add(p);
        }
        if (eligible.isEmpty()) for (int p = 0; p < periodStarts.length; p++) eligible.add(p);
        double num = 0;
        double den = 0;
        for (int p : eligible) {
            for (Group g : groups) {
                num += completionsByGroup[p][g.ordinal()] - representedWithin6m[p][g.ordinal()];
                den += seenByGroup[p][g.ordinal()];
            }
        }
        return den > 0 ? 100 * num / den : Double.NaN;
    }

    /** a / b, or NaN when nothing was counted: a mean of nothing is undefined, not 0 (reports show it as such). */
    private static double ratio(double a, double b) {
        return b > 0 ? a / b : Double.NaN;
    }

    private static double mean(int[] xs) {
        double s = 0;
        for (int x : xs) s += x;
        return xs.length > 0 ? s / xs.length : Double.NaN;
    }

    /**
     * Where every client created so far is now. Conservation: {@code created} equals the
     * sum of all the other fields at every moment.
     */
    public record Census(int created, int waitingAssessment, int inAssessment, int waitingPathway, int inPathway,
                         int awaitingReturn, int gone) {
        public int accountedFor() {
            return waitingAssessment + inAssessment + waitingPathway + inPathway + awaitingReturn + gone;
        }
    }

    public Census census() {
        int waiting = 0;
        int in = 0;
        for (PathwayState p : pathways) {
            waiting += p.queued;
            in += p.size();
        }
        return new Census(clientsCreated, assessmentQueued, assessorsBusy, waiting, in, awaitingReturn, gone);
    }

    /** Calls {@code check} every {@code everyDays} of simulated time (for tests and debugging). */
    public void audit(double everyDays, java.util.function.Consumer<Census> check) {
        for (double t = everyDays; t < window.end(); t += everyDays) {
            engine.at(t, Priority.STOP, () -> check.accept(census()));
        }
    }

}
