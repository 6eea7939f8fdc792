package org.caseload.model;

import org.caseload.engine.Engine;
import org.caseload.engine.Entity;
import org.caseload.engine.Mrg32k3a;
import org.caseload.scenario.Complexity;
import org.caseload.scenario.Group;
import org.caseload.scenario.Readiness;

/**
 * One person, from first referral to their last event. Every random draw about this person
 * comes from their own stream, in a fixed order per step of their journey, so that another
 * client's delay or a change of capacity does not shift this person's draws (common random
 * numbers hold client by client).
 *
 * <p>The client is always in one {@link Stage}; the events scheduled for the client (kinds in
 * {@link ClientEvent}) belong to the current stage and are cancelled by {@link #enter} when
 * the client moves on. The client is its own random stream (an {@link Entity}).
 *
 * <p>What changes during the journey is held in primitive fields (a stage, an exit, a pathway
 * as a small number), not references: people live long enough to reach the old generation,
 * and under G1 every reference stored into an old object costs a card-marking barrier and
 * later a scan (measured at national scale as a third of the run's CPU).
 *
 * <p>When a person has left the system for good, the object is reused for someone new
 * ({@link ClientPool}), starting exactly as a new one would.
 */
final class Client extends Entity {
    /** The attribute values, indexed by ordinal ({@code values()} copies its array on every call). */
    static final Group[] GROUPS = Group.values();
    static final Complexity[] COMPLEXITIES = Complexity.values();
    static final Readiness[] READINESS = Readiness.values();
    /** Kinds of client: group, complexity and readiness as one index, group-major ({@link #kind}). */
    static final int KINDS = GROUPS.length * COMPLEXITIES.length * READINESS.length;

    /** The kind index of these attributes, group-major: what routing rules and seeding are tabled by. */
    static int kind(Group g, Complexity c, Readiness r) {
        return (g.ordinal() * COMPLEXITIES.length + c.ordinal()) * READINESS.length + r.ordinal();
    }

    static Group groupOf(int kind) {
        return GROUPS[kind / (COMPLEXITIES.length * READINESS.length)];
    }

    static Complexity complexityOf(int kind) {
        return COMPLEXITIES[(kind / READINESS.length) % COMPLEXITIES.length];
    }

    static Readiness readinessOf(int kind) {
        return READINESS[kind % READINESS.length];
    }

    /*
     * Every field below, to holds, is about the person and is set by begin(...): a new object
     * and one reused for someone new (ClientPool) start out exactly alike. Group, complexity
     * and readiness are ordinals, not references: storing a reference into an object the
     * collector has moved to the old generation costs a card-marking barrier, and a reused
     * client is in the old generation.
     */
    private byte group;
    private byte complexity;
    private byte readiness;
    int previousEpisodes;
    /** Number in the event log (1, 2, …), given at the first traced event; 0 when not traced. */
    int caseNumber;

    private byte stage;

    /** Time of the referral that began the current journey; NaN for the initial caseload. */
    double referralTime;
    boolean startedTreatmentThisJourney;
    /** Journeys begun so far, and when the current one started treatment or ended (infinite while open). */
    private int journey;
    private double journeyClosedAt;
    boolean treatedBefore;
    /** Treated since the referral that began the current journey: a return then adds one previous episode. */
    boolean treatedSinceReferral;
    boolean representing;
    /** How the client last left the service (-1 before they first leave): tells a re-presentation from a re-referral. */
    private byte lastExit;
    /** The last reporting year in which the client was referred (-1: none), for distinct people referred. */
    int lastReferredPeriod;

    /** Index of the pathway the client is in ({@link PathwayState#index}), -1 when in none. */
    int pathway;
    /** How the current episode will end (stage {@link Stage#IN_PATHWAY}): an {@link Episodes.Outcome} ordinal. */
    byte plannedOutcome;
    double pathwayEntryTime;
    /** Start of the current unbroken stay in treatment pathways (NaN when not in treatment). */
    double treatmentStreakStart;
    boolean countedAsLongStay;
    /** Counted among people whose unbroken stay in treatment is still under six months. */
    boolean countedAsShortStay;
    int lastSeenPeriod;
    /** The last stay in a treatment pathway: when it began and ended (infinite while it lasts; NaN before any), for {@link SeenPerYear}. */
    double lastTreatmentEntry;
    double lastTreatmentExit;

    double lastCompletionTime;
    int lastCompletionPeriod;

    /** When this person last left treatment in a cohort year and has not returned since (NaN otherwise): {@link LeaverCohorts}. */
    double cohortLeftAt;
    int cohortYear;
    boolean cohortCompleted;

    /** While waiting for assessment: the service time and routing uniform drawn at referral. */
    double queuedServiceDays;
    double routeUniform;
    /** Index of the pathway whose queue the client is in (stage {@link Stage#WAITING_FOR_PLACE}), or -1. */
    int queuedFor;
    /** The pathway the client last moved on from, and whether by completing it (for a move that fails in the next one's queue). */
    int movedFrom;
    boolean movedOnCompletion;
    /** The turn of the client's latest entry in a {@link WaitingLine} (-1: none yet). */
    int lineTurn;

    /*
     * About the object rather than the person ({@link ClientPool}): not set by begin(...);
     * {@code holds} carries on (it is 0 by then), {@code finished} is cleared by reuse(...).
     */
    /** Places in a queue (assessment or pathway) and waiting-standard deadlines still holding this object. */
    int holds;
    /** The person is out of the system for good; the object is reused once nothing holds it. */
    boolean finished;

    /** A client of {@code engine} whose draws continue from where {@code stream} is now. */
    Client(Engine engine, Mrg32k3a stream, Group group, Complexity complexity, Readiness readiness, int previousEpisodes) {
        super(engine, stream);
        begin(group, complexity, readiness, previousEpisodes);
    }

    /**
     * This object, whose person is out of the system for good and which nothing holds any
     * more, becomes someone new, exactly as {@code new Client(engine, stream, ...)} would be.
     * What the engine keeps for the entity (its epoch, its entries still in the event list,
     * all of them cancelled) carries on, so none of the old person's entries can run.
     */
    void reuse(Mrg32k3a stream, Group group, Complexity complexity, Readiness readiness, int previousEpisodes) {
        if (!finished || holds != 0 || pendingEvents() != 0) throw new IllegalStateException("client still in use");
        continueFrom(stream);
        finished = false;
        begin(group, complexity, readiness, previousEpisodes);
    }

    private void begin(Group group, Complexity complexity, Readiness readiness, int previousEpisodes) {
        this.group = (byte) group.ordinal();
        this.complexity = (byte) complexity.ordinal();
        this.readiness = (byte) readiness.ordinal();
        this.previousEpisodes = previousEpisodes;
        caseNumber = 0;
        stage = (byte) Stage.OUT_OF_TREATMENT.ordinal();
        referralTime = Double.NaN;
        startedTreatmentThisJourney = false;
        journey = 0;
        journeyClosedAt = Double.POSITIVE_INFINITY;
        treatedBefore = false;
        treatedSinceReferral = false;
        representing = false;
        lastExit = -1;
        lastReferredPeriod = -1;
        pathway = -1;
        plannedOutcome = 0;
        pathwayEntryTime = 0;
        treatmentStreakStart = Double.NaN;
        countedAsLongStay = false;
        countedAsShortStay = false;
        lastSeenPeriod = -1;
        lastTreatmentEntry = Double.NaN;
        lastTreatmentExit = Double.NaN;
        lastCompletionTime = Double.NaN;
        lastCompletionPeriod = -1;
        cohortLeftAt = Double.NaN;
        cohortYear = 0;
        cohortCompleted = false;
        queuedServiceDays = 0;
        routeUniform = 0;
        queuedFor = -1;
        movedFrom = -1;
        movedOnCompletion = false;
        lineTurn = -1;
    }

    /** The stage sits at the far end of the object from the stream and the epoch (the first fields): reading both warms all of it. */
    @Override
    protected int readAhead() {
        return super.readAhead() + stage;
    }

    Group group() {
        return GROUPS[group];
    }

    int groupIndex() {
        return group;
    }

    Complexity complexity() {
        return COMPLEXITIES[complexity];
    }

    Readiness readiness() {
        return READINESS[readiness];
    }

    /** A uniform in (0,1) from this client's own stream. */
    double u() {
        return nextDouble();
    }

    Stage stage() {
        return Stage.ALL[stage];
    }

    /** How the client last left the service; null before they first leave. */
    Exit lastExit() {
        return lastExit < 0 ? null : Exit.ALL[lastExit];
    }

    void lastExit(Exit exit) {
        lastExit = (byte) exit.ordinal();
    }

    /** Moves to {@code next}, cancelling every pending event of the stage being left. */
    void enter(Stage next) {
        cancelPending();
        stage = (byte) next.ordinal();
    }

    /** A new referral begins a journey ({@link WaitingStandard} keeps its deadline). */
    void beginJourney(double now) {
        referralTime = now;
        startedTreatmentThisJourney = false;
        journey++;
        journeyClosedAt = Double.POSITIVE_INFINITY;
    }

    /** Treatment has started: the journey has met or missed the waiting standard already. */
    void startTreatment(double now) {
        startedTreatmentThisJourney = true;
        closeJourney(now);
    }

    /** The journey is over (left the service or died) before or after starting treatment. */
    void endJourney(double now) {
        closeJourney(now);
    }

    private void closeJourney(double now) {
        if (journeyClosedAt == Double.POSITIVE_INFINITY) journeyClosedAt = now;
    }

    int journey() {
        return journey;
    }

    double journeyClosedAt() {
        return journeyClosedAt;
    }
}
