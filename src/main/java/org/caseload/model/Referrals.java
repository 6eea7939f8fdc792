package org.caseload.model;

import org.caseload.engine.Engine;
import org.caseload.engine.Mrg32k3a;
import org.caseload.engine.RandomStreams;
import org.caseload.scenario.Complexity;
import org.caseload.scenario.Group;
import org.caseload.scenario.Readiness;
import org.caseload.scenario.Scenario;
import umontreal.ssj.rng.RandomStream;

/**
 * Referrals and assessment: new clients arriving at a time-varying rate, every referral (new
 * or re-presenting) queueing for one of a pool of assessors, dropping away or dying while
 * waiting, and being routed to a pathway when assessed.
 */
final class Referrals {
    private final Scenario scenario;
    private final Engine engine;
    private final Window window;
    private final Arrivals arrivals;
    private final RandomStream arrivalStream;
    private final RandomStreams.Sequence clientStreams;
    private final Routing routing;
    private final Recorder recorder;
    private final Mortality mortality;
    private final ClientPool clients;
    private final Journey journey;

    private final WaitingStandard waitingStandard;
    private final WaitingLine queue = new WaitingLine();
    private int queued;
    private int busy;
    /** Assessors funded: set by the budget. */
    final Level assessors;
    private int created;
    /** Time of the one pending arrival (each arrival schedules the next). */
    private double nextArrival;

    Referrals(Scenario scenario, Engine engine, Window window, RandomStream arrivalStream,
              RandomStreams.Sequence clientStreams, Routing routing, Recorder recorder, Mortality mortality, ClientPool clients,
              Journey journey) {
        this.scenario = scenario;
        this.engine = engine;
        this.window = window;
        this.arrivals = new Arrivals(scenario.arrivals(), window);
        this.arrivalStream = arrivalStream;
        this.clientStreams = clientStreams;
        this.routing = routing;
        this.recorder = recorder;
        this.mortality = mortality;
        this.clients = clients;
        this.journey = journey;
        this.waitingStandard = new WaitingStandard(recorder::waitedOver21Days, clients);
        this.assessors = new Level(window);
        assessors.set(0, scenario.assessment().workers());
    }

    // ---------------------------------------------------------------- arrivals

    /** Schedules the first new referral after {@code now}; each schedules the next. */
    void scheduleNextArrival(double now) {
        // One uniform an arrival: an exponential amount of the rate's integral (Arrivals); with no
        // rate left before the window ends, the time is infinite and nothing is scheduled.
        double t = arrivals.next(now, -Math.log(arrivalStream.nextDouble()));
        if (t >= window.end()) return;
        nextArrival = t;
        engine.at(t, newClient(clientStreams.next()), ClientEvent.ARRIVAL.ordinal());
    }

    /** {@link ClientEvent#ARRIVAL}: the new client (created when the arrival was scheduled) is referred. */
    void arrived(Client c) {
        double arrival = nextArrival;
        created++;
        refer(c);
        scheduleNextArrival(arrival);
    }

    /**
     * New referrals a day in the month before time 0, when the people in assessment at time 0
     * were referred (the pipeline of a system at rest is seeded from it).
     */
    double ratePerDayBeforeStart() {
        return arrivals.ratePerDay(-0.5 * window.monthDays());
    }

    /** A new person: four uniforms (group, complexity, readiness, previous episodes). */
    Client newClient(Mrg32k3a s) {
        Scenario.ClientMix mix = scenario.clients();
        Group g = Client.GROUPS[Shares.pick(mix.groupShares(), s.nextDouble())];
        Complexity c = Client.COMPLEXITIES[Shares.pick(mix.complexityShares()[g.ordinal()], s.nextDouble())];
        Readiness r = s.nextDouble() < mix.readyToChange()[g.ordinal()] ? Readiness.LIKELY : Readiness.UNLIKELY;
        int prev = Shares.pick(mix.previousEpisodesShares()[g.ordinal()], s.nextDouble());
        return clients.take(s, g, c, r, prev);
    }

    // ---------------------------------------------------------------- referral and assessment

    /** A referral: four uniforms (assessment patience, service time, route, death while waiting). */
    void refer(Client c) {
        double now = engine.now();
        journey.trace(c, Activity.REFERRAL, null);
        waitingStandard.referred(c, now);
        recorder.referred(c, now);
        double uPatience = c.u();
        double uService = c.u();
        double uRoute = c.u();
        double uDeath = c.u();
        c.routeUniform = uRoute;
        assessOrWait(c, scenario.assessment().serviceDays().quantile(uService), uPatience, uDeath);
    }

    /**
     * Someone referred {@code -referredAt} days before time 0 whose assessment has
     * {@code remainingDays} to run: part of the pipeline of a system at rest
     * ({@link InitialCaseload}), called at time 0 in the order of referral. The same four
     * uniforms as a referral. If no assessor is free (the seeded pipeline outnumbers them), they
     * wait as if referred at time 0, for a whole assessment from the second uniform, not the
     * remainder of one under way; their referral itself, before time 0, is counted nowhere.
     */
    void alreadyReferred(Client c, double referredAt, double remainingDays) {
        boolean underWay = busy < (int) assessors.value();
        waitingStandard.referred(c, underWay ? referredAt : engine.now());
        recorder.referred(c, referredAt);
        double uPatience = c.u();
        double uService = c.u();
        c.routeUniform = c.u();
        double uDeath = c.u();
        if (underWay) startAssessment(c, remainingDays, false);
        else assessOrWait(c, scenario.assessment().serviceDays().quantile(uService), uPatience, uDeath);
        journey.trace(c, Activity.IN_ASSESSMENT_AT_START, null);
    }

    /** Starts the assessment, lasting {@code service} days, if an assessor is free; otherwise joins the queue. */
    private void assessOrWait(Client c, double service, double uPatience, double uDeath) {
        if (busy < (int) assessors.value()) {
            startAssessment(c, service, true);
            return;
        }
        Scenario.Assessment a = scenario.assessment();
        c.enter(Stage.WAITING_FOR_ASSESSMENT);
        queue.join(c);
        queued++;
        journey.waitingChanged();
        c.queuedServiceDays = service;
        double patience = a.patienceDays() == null ? Double.POSITIVE_INFINITY : a.patienceDays().quantile(uPatience);
        mortality.deathWhileWaiting(c, uDeath, patience);
        if (patience < Double.POSITIVE_INFINITY) engine.after(patience, c, ClientEvent.DROPPED_AWAY_FROM_ASSESSMENT.ordinal());
    }

    /** {@link ClientEvent#DROPPED_AWAY_FROM_ASSESSMENT}: patience ran out in the queue. */
    void droppedAway(Client c) {
        queued--;
        journey.waitingChanged();
        recorder.droppedAway(engine.now());
        journey.leave(c, Exit.DROPPED_AWAY, false);
    }

    /** Someone waiting for assessment died (their entry in the line is skipped later). */
    void leftQueueByDeath() {
        queued--;
    }

    /** {@code startsNow} is false for an assessment already under way at time 0: it started before, so no start is traced or counted. */
    private void startAssessment(Client c, double service, boolean startsNow) {
        double now = engine.now();
        c.enter(Stage.IN_ASSESSMENT);
        busy++;
        if (startsNow) {
            journey.trace(c, Activity.ASSESSMENT_START, null);
            recorder.assessmentStarted(now, now - c.referralTime);
        }
        engine.after(service, c, ClientEvent.ASSESSMENT_END.ordinal());
    }

    /** {@link ClientEvent#ASSESSMENT_END}: the assessor is free and the client is routed. */
    void assessed(Client c) {
        busy--;
        pullQueue();
        journey.admit(c, routing.route(c, c.routeUniform));
    }

    /**
     * Starts assessments while assessors are free, first come first served. The entries of
     * people who left the queue (died or dropped away) are skipped, and so is the older entry
     * of someone who dropped away, re-presented and is waiting again: they wait from their
     * re-referral, behind everyone referred before it.
     */
    void pullQueue() {
        while (busy < (int) assessors.value() && !queue.isEmpty()) {
            Client next = queue.take();
            clients.release(next);
            if (next.stage() != Stage.WAITING_FOR_ASSESSMENT || !queue.wasLatest(next)) continue;
            queued--;
            journey.waitingChanged();
            startAssessment(next, next.queuedServiceDays, true);
        }
    }

    /** End of the run: settles the waiting standard of referrals still pending. */
    void finish() {
        waitingStandard.finish();
    }

    /** Clients created by referral so far. */
    int created() {
        return created;
    }

    int waiting() {
        return queued;
    }

    int inAssessment() {
        return busy;
    }
}
