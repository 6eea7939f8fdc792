package org.caseload.model;

import java.util.function.Consumer;
import org.caseload.engine.Engine;
import org.caseload.engine.Engine.Priority;
import org.caseload.engine.Entity;
import org.caseload.engine.RandomStreams;
import org.caseload.results.ReplicationResult;
import org.caseload.scenario.Scenario;

/**
 * One replication of one treatment system, wiring its parts: {@link Referrals} (arrivals and
 * assessment), {@link Pathways} (capacity and queues), {@link Episodes} (outcomes and
 * caseload pressure), {@link AfterExit} (relapse and re-presentation), {@link Mortality},
 * {@link InitialCaseload}, {@link Budget} and the {@link Recorder} of metrics. A replication
 * is a pure function of (scenario, replication index, streams).
 *
 * <p>Random numbers: arrival times come from named stream {@link #ARRIVAL_STREAM}, substream r
 * for replication r (stream 1 was thinning's, no longer used). Each
 * client k has stream {@code CLIENT_STREAM_BASE + k} (initial caseload:
 * {@code INITIAL_STREAM_BASE + k}), substream r. Each step of a client's journey draws a
 * fixed number of uniforms from that stream whatever the outcome.
 */
public final class TreatmentSystem implements Journey {
    public static final long ARRIVAL_STREAM = 0;
    public static final long CLIENT_STREAM_BASE = 1L << 20;
    public static final long INITIAL_STREAM_BASE = 1L << 40;
    /** The earlier occupants of the initial caseload's places (see {@link InitialCaseload}). */
    public static final long PRE_HISTORY_STREAM = 2;
    /** Earlier occupants still due to return at time 0: returner k has stream {@code RETURNER_STREAM_BASE + k}. */
    public static final long RETURNER_STREAM_BASE = 1L << 41;
    /** Where initial client k's stay in treatment began (see {@link InitialCaseload}): stream {@code STAY_STREAM_BASE + k}. */
    public static final long STAY_STREAM_BASE = 1L << 42;
    /** People in assessment at time 0 (see {@link InitialCaseload}): person k has stream {@code ASSESSED_STREAM_BASE + k}. */
    public static final long ASSESSED_STREAM_BASE = 1L << 43;

    private final Engine engine = new Engine();
    private final ClientPool clients = new ClientPool(engine);
    private final int replication;
    private final Window window;
    private final Recorder recorder;
    private final Mortality mortality;
    private final Pathways pathways;
    private final Routing routing;
    private final Referrals referrals;
    private final Episodes episodes;
    private final AfterExit afterExit;
    private final InitialCaseload initialCaseload;
    private final Budget budget;
    /** The event log's hook, or null (no event log: each move costs one null check). */
    private Tracing tracing;

    public TreatmentSystem(Scenario scenario, RandomStreams streams, int replication) {
        this.replication = replication;
        double start = scenario.warmupDays();
        this.window = new Window(start, start + scenario.horizonDays(), Scenario.DAYS_PER_MONTH, scenario.horizonMonths());
        this.recorder = new Recorder(scenario, window);
        this.mortality = new Mortality(scenario, engine, recorder, this);
        this.pathways = new Pathways(scenario, window, engine, recorder, mortality, clients, this);
        this.routing = new Routing(scenario, pathways.byName());
        this.referrals = new Referrals(scenario, engine, window, streams.stream(ARRIVAL_STREAM, replication),
                streams.sequence(CLIENT_STREAM_BASE, replication), routing,
                recorder, mortality, clients, this);
        this.episodes = new Episodes(scenario, engine, pathways, routing, mortality, recorder, this);
        this.afterExit = new AfterExit(scenario, engine, mortality, recorder, clients, this);
        this.initialCaseload = new InitialCaseload(scenario, streams.sequence(INITIAL_STREAM_BASE, replication), pathways,
                routing, episodes, afterExit, mortality, streams.sequence(PRE_HISTORY_STREAM, replication).next(),
                streams.sequence(RETURNER_STREAM_BASE, replication), streams.sequence(STAY_STREAM_BASE, replication),
                clients, referrals, streams.sequence(ASSESSED_STREAM_BASE, replication));
        this.budget = new Budget(scenario, pathways.all(), referrals.assessors, window);
        recorder.staffing(0, pathways);
        engine.dispatchTo(this::dispatch);
    }

    /** A client's event has come due: the part that owns its kind handles it. */
    private void dispatch(Entity target, int kind) {
        Client c = (Client) target;
        switch (ClientEvent.ALL[kind]) {
            case ARRIVAL -> referrals.arrived(c);
            case ASSESSMENT_END -> referrals.assessed(c);
            case DROPPED_AWAY_FROM_ASSESSMENT -> referrals.droppedAway(c);
            case DROPPED_AWAY_FROM_PLACE -> pathways.droppedAway(c);
            case DIED_WHILE_WAITING -> {
                if (c.stage() == Stage.WAITING_FOR_ASSESSMENT) referrals.leftQueueByDeath();
                else pathways.leaveQueue(c, true);
                mortality.diedWhileWaiting(c);
            }
            case EPISODE_END -> episodes.ended(c);
            case DIED_IN_PATHWAY -> episodes.died(c);
            case DIED_AFTER_EXIT -> afterExit.died(c);
            case RETURNED -> afterExit.returned(c);
        }
    }

    /** Runs the replication to the end of the reporting window and returns its results. */
    public ReplicationResult run() {
        initialCaseload.seed();
        for (double periodStart : recorder.periodStarts()) {
            engine.at(periodStart, Priority.SYSTEM, () -> recorder.periodStarted(engine.now()));
        }
        budget.schedule(engine, this::apply);
        referrals.scheduleNextArrival(0);
        engine.runUntil(window.end());
        referrals.finish();
        return recorder.results(replication, pathways.all(), referrals.assessors, budget);
    }

    public long eventsExecuted() {
        return engine.eventsExecuted();
    }

    /** Events scheduled in this replication, executed or not (see {@link Engine#eventsScheduled}). */
    public long eventsScheduled() {
        return engine.eventsScheduled();
    }

    /** Events cancelled before their time in this replication (see {@link Engine#eventsCancelled}). */
    public long eventsCancelled() {
        return engine.eventsCancelled();
    }

    /** The engine's event budget for this replication (see {@link Engine#limitEvents}). */
    public TreatmentSystem limitEvents(long maxEvents, String origin) {
        engine.limitEvents(maxEvents, origin);
        return this;
    }

    /** Tells {@code trace} every move of every client of this replication (null: none). */
    public TreatmentSystem trace(Trace trace) {
        tracing = trace == null ? null : new Tracing(trace, engine);
        return this;
    }

    /** Puts a budget allocation into effect, then lets people in wherever there is new room. */
    private void apply(Budget.Allocation a) {
        double now = engine.now();
        pathways.apply(a, now);
        referrals.assessors.set(now, a.assessors());
        recorder.staffing(now, pathways);
        referrals.pullQueue();
        pathways.pullQueues();
    }

    // ---------------------------------------------------------------- the journey's moves

    @Override
    public void refer(Client c) {
        referrals.refer(c);
    }

    @Override
    public void admit(Client c, PathwayState p) {
        if (c.stage() == Stage.IN_ASSESSMENT) trace(c, Activity.ASSESSMENT_END, p);
        pathways.admit(c, p);
        if (c.stage() == Stage.WAITING_FOR_PLACE) trace(c, Activity.WAITING_FOR_PLACE, p);
    }

    @Override
    public void startEpisode(Client c, PathwayState p) {
        episodes.start(c, p);
    }

    @Override
    public void leave(Client c, Exit exit, boolean afterPrescribing) {
        // Giving up in a queue is told as such, also by someone moving on whose exit is a drop-out or a completion.
        boolean gaveUp = c.stage() == Stage.WAITING_FOR_ASSESSMENT || c.stage() == Stage.WAITING_FOR_PLACE;
        trace(c, gaveUp ? Activity.DROPPED_AWAY : Activity.LEFT_SERVICE, null);
        afterExit.leave(c, exit, afterPrescribing);
    }

    @Override
    public void noLongerFollowed(Client c) {
        trace(c, c.stage() == Stage.DEAD ? Activity.DIED : Activity.MOVED_AWAY, null);
        afterExit.noLongerFollowed();
        clients.finished(c);
    }

    @Override
    public void trace(Client c, Activity a, PathwayState p) {
        if (tracing != null) tracing.note(c, a, p);
    }

    @Override
    public void waitingChanged() {
        recorder.waiting(engine.now(), referrals.waiting(), pathways.all());
    }

    // ---------------------------------------------------------------- census (tests and debugging)

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
        return new Census(referrals.created() + initialCaseload.created(), referrals.waiting(), referrals.inAssessment(),
                pathways.waiting(), pathways.inPathways(), afterExit.awaitingReturn(), afterExit.gone());
    }

    /** Calls {@code check} after every event of the run, with the census then (tests and debugging). */
    public void auditEveryEvent(Consumer<Census> check) {
        engine.afterEachEvent(() -> check.accept(census()));
    }

    /** Calls {@code check} every {@code everyDays} of simulated time (for tests and debugging). */
    public void audit(double everyDays, Consumer<Census> check) {
        for (double t = everyDays; t < window.end(); t += everyDays) {
            engine.at(t, Priority.STOP, () -> check.accept(census()));
        }
    }
}
