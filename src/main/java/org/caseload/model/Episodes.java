package org.caseload.model;

import org.caseload.engine.Engine;
import org.caseload.scenario.Complexity;
import org.caseload.scenario.Distribution;
import org.caseload.scenario.Group;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.Scenario.Episode;

/**
 * Episodes in a pathway: competing outcomes (complete, drop out, transfer) weighted by
 * complexity, history and caseload pressure; their duration; death in the pathway; and where
 * people go when the episode ends.
 */
final class Episodes {
    private static final double FOUR_YEARS = 4 * 365.25;

    enum Outcome {
        COMPLETE, DROPOUT, TRANSFER;

        static final Outcome[] ALL = values();
    }

    private final Scenario scenario;
    private final Engine engine;
    private final Pathways pathways;
    private final Routing routing;
    private final Mortality mortality;
    private final Recorder recorder;
    private final Journey journey;
    /** Completion odds after k previous episodes, Math.pow(odds per episode, k), for the usual small k. */
    private final double[] oddsByPreviousEpisodes = new double[32];

    Episodes(Scenario scenario, Engine engine, Pathways pathways, Routing routing, Mortality mortality, Recorder recorder,
             Journey journey) {
        this.scenario = scenario;
        this.engine = engine;
        this.pathways = pathways;
        this.routing = routing;
        this.mortality = mortality;
        this.recorder = recorder;
        this.journey = journey;
        double perEpisode = scenario.effects().completionOddsPerPreviousEpisode();
        for (int k = 0; k < oddsByPreviousEpisodes.length; k++) oddsByPreviousEpisodes[k] = Math.pow(perEpisode, k);
    }

    /*
     * An episode's plan is its outcome and its length, chosen from two uniforms (outcome, then
     * duration) by outcome(...) and then days(...). They are two calls returning plain values,
     * not one returning a record: plans are made by the million at national scale (the earlier
     * occupants of the initial caseload's places), and each object made is work for the
     * collector.
     */

    /** How an episode starting now for a person of these attributes ends, from the first uniform. */
    Outcome outcome(Group group, Complexity complexity, int previousEpisodes, PathwayState p, double uOutcome) {
        return chooseOutcome(complexity, previousEpisodes, p, p.spec.episodes().get(group), uOutcome);
    }

    /** The length in days of an episode of {@code p} for {@code group} ending in {@code outcome}, from the second uniform. */
    static double days(PathwayState p, Group group, Outcome outcome, double uDuration) {
        return duration(p.spec.episodes().get(group), outcome, uDuration);
    }

    /** Starts an episode for someone arriving now: two uniforms (outcome, duration) plus the death draw. */
    void start(Client c, PathwayState p) {
        double uOutcome = c.u();
        double uDuration = c.u();
        Outcome outcome = outcome(c.group(), c.complexity(), c.previousEpisodes, p, uOutcome);
        start(c, p, outcome, days(p, c.group(), outcome, uDuration), 0, 0, false);
    }

    private static double duration(Episode ep, Outcome outcome, double u) {
        return durationOf(ep, outcome).quantile(u);
    }

    /** How long an episode of {@code p} for {@code group} lasts when it ends in {@code outcome}. */
    static Distribution durationOf(PathwayState p, Group group, Outcome outcome) {
        return durationOf(p.spec.episodes().get(group), outcome);
    }

    private static Distribution durationOf(Episode ep, Outcome outcome) {
        return switch (outcome) {
            case COMPLETE -> ep.completeDays();
            case DROPOUT -> ep.dropoutDays();
            case TRANSFER -> ep.transferDays();
        };
    }

    /**
     * The chances of each outcome, indexed by {@link Outcome#ordinal()}, for an episode that
     * starts under caseload pressure {@code pressure}: what {@link #outcome} draws from.
     */
    double[] outcomeChances(Group group, Complexity complexity, int previousEpisodes, PathwayState p, double pressure) {
        Episode ep = p.spec.episodes().get(group);
        double wc = completionWeight(complexity, previousEpisodes, ep, pressure);
        double wd = dropoutWeight(ep, pressure);
        double wt = ep.pTransfer();
        double total = wc + wd + wt;
        if (total <= 0) return new double[] {0, 1, 0};
        return new double[] {wc / total, wd / total, wt / total};
    }

    private double completionWeight(Complexity complexity, int previousEpisodes, Episode ep, double x) {
        Scenario.Effects fx = scenario.effects();
        return ep.pComplete() * fx.completionOddsByComplexity()[complexity.ordinal()]
                * (previousEpisodes < oddsByPreviousEpisodes.length ? oddsByPreviousEpisodes[previousEpisodes]
                        : Math.pow(fx.completionOddsPerPreviousEpisode(), previousEpisodes))
                / (1 + fx.pressureCompletion() * x);
    }

    private double dropoutWeight(Episode ep, double x) {
        return ep.pDropout() * (1 + scenario.effects().pressureDropout() * x);
    }

    /**
     * Chooses how the episode will end. Base weights by group; completion weighted by
     * complexity and by history; caseload pressure x lowers completion by 1/(1+k_c·x) and
     * raises drop-out by (1+k_d·x) (caseload_pressure completion and dropout); then normalised.
     */
    private Outcome chooseOutcome(Complexity complexity, int previousEpisodes, PathwayState p, Episode ep, double u) {
        double x = p.pressure();
        double wc = completionWeight(complexity, previousEpisodes, ep, x);
        double wd = dropoutWeight(ep, x);
        double wt = ep.pTransfer();
        double total = wc + wd + wt;
        if (total <= 0) return Outcome.DROPOUT;
        double v = u * total;
        if (v < wc) return Outcome.COMPLETE;
        if (v < wc + wd) return Outcome.DROPOUT;
        return Outcome.TRANSFER;
    }

    /**
     * Starts an episode with a known plan (ending in {@code outcome} after {@code remainingDays}
     * more, {@code elapsedDays} already spent, and {@code treatedDays} of unbroken treatment
     * up to now, this episode's included: the initial caseload): one uniform (time to death in
     * the pathway).
     */
    void start(Client c, PathwayState p, Outcome outcome, double remainingDays, double elapsedDays, double treatedDays,
               boolean initial) {
        double now = engine.now();
        c.enter(Stage.IN_PATHWAY);
        journey.trace(c, initial ? Activity.INITIAL_CASELOAD : Activity.EPISODE_START, p);
        boolean treatment = p.isTreatment();
        if (!initial && !Double.isNaN(c.referralTime) && !c.startedTreatmentThisJourney && treatment) {
            c.startTreatment(now);
            recorder.treatmentStarted(now, now - c.referralTime);
        }
        p.add(now, c);
        if (!initial) p.entries.count(now); // the initial caseload was already there: it did not enter
        c.pathwayEntryTime = now - elapsedDays;
        if (treatment) recorder.enteredTreatment(c, now, treatedDays);
        recorder.staffing(now, pathways);

        double death = mortality.daysToDeathIn(p, c.group(), c.u());
        if (treatment) {
            double episodeEnd = now + Math.min(death, remainingDays);
            scheduleShortStayEnd(c, episodeEnd);
            scheduleLongStayMark(c, episodeEnd);
        }
        if (death < remainingDays) {
            engine.after(death, c, ClientEvent.DIED_IN_PATHWAY.ordinal());
        } else {
            c.plannedOutcome = (byte) outcome.ordinal();
            engine.after(remainingDays, c, ClientEvent.EPISODE_END.ordinal());
        }
    }

    /** Marks the moment an unbroken stay reaches six months, if it does so within this episode. */
    private void scheduleShortStayEnd(Client c, double episodeEnd) {
        if (!c.countedAsShortStay) return;
        double at = c.treatmentStreakStart + Recorder.SIX_MONTHS;
        if (at > episodeEnd) return;
        recorder.shortStayEndsAt(c, eventTime(at));
    }

    /**
     * Marks the moment an unbroken stay in treatment reaches four years, if it does so
     * at or before the end of this episode (a following treatment episode checks again). Neither mark is
     * an event: the episode's end is planned, so the recorder applies it when its time comes.
     */
    private void scheduleLongStayMark(Client c, double episodeEnd) {
        if (c.countedAsLongStay) return;
        double at = c.treatmentStreakStart + FOUR_YEARS;
        if (at > episodeEnd) return;
        recorder.longStayReachedAt(c, eventTime(at));
    }

    /**
     * The time a mark at {@code at} takes effect: not before now, and computed as the event it
     * replaced was timed (now + delay), so that outputs stay byte-identical.
     */
    private double eventTime(double at) {
        double now = engine.now();
        return now + (Math.max(at, now) - now);
    }

    /** {@link ClientEvent#DIED_IN_PATHWAY}. */
    void died(Client c) {
        PathwayState p = pathways.all().get(c.pathway);
        double now = engine.now();
        c.enter(Stage.DEAD);
        c.endJourney(now);
        pathways.leave(c, p, false);
        journey.noLongerFollowed(c);
        recorder.left(now);
        if (p.isTreatment()) recorder.diedInTreatment(now);
        else recorder.diedAfterExit(now);
    }

    /** {@link ClientEvent#EPISODE_END}: one uniform (where a completer or a transfer goes next). */
    void ended(Client c) {
        PathwayState p = pathways.all().get(c.pathway);
        Outcome outcome = Outcome.ALL[c.plannedOutcome];
        double now = engine.now();
        double uNext = c.u();
        journey.trace(c, Activity.ended(outcome), p);
        boolean treatment = p.isTreatment();
        switch (outcome) {
            case COMPLETE -> {
                PathwayState next = routing.onCompletion(p, uNext);
                boolean staysInTreatment = next != null && next.isTreatment();
                pathways.leave(c, p, staysInTreatment);
                if (treatment && !staysInTreatment) recorder.successfulExit(c, now);
                if (treatment) recorder.completed(now);
                p.completions.count(now); // the pathway's own count, recovery community included
                c.movedFrom = p.index;
                c.movedOnCompletion = true;
                if (next != null) journey.admit(c, next);
                else journey.leave(c, Exit.completing(p),
                        p.spec.prescribing());
            }
            case DROPOUT -> {
                pathways.leave(c, p, false);
                if (treatment) recorder.droppedOut(c, now);
                journey.leave(c, Exit.droppingOut(p), p.spec.prescribing());
            }
            case TRANSFER -> {
                if (treatment) recorder.transferred(now);
                PathwayState next = routing.transfer(p, uNext);
                pathways.leave(c, p, next != null && next.isTreatment());
                c.movedFrom = p.index;
                c.movedOnCompletion = false;
                if (next != null) {
                    journey.admit(c, next);
                } else { // transferred out of the area: no longer followed
                    c.enter(Stage.OUT_OF_TREATMENT);
                    journey.noLongerFollowed(c);
                    recorder.left(now);
                }
            }
        }
    }
}
