package org.caseload.model;

import java.util.Arrays;
import org.caseload.engine.Engine.Event;
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
 * <p>The client is always in one {@link Stage}; the events of a stage are registered with
 * {@link #own} and cancelled by {@link #enter} when the client moves on.
 */
final class Client {
    private static final Event[] NONE = new Event[0];
    /** The attribute values, indexed by ordinal ({@code values()} copies its array on every call). */
    static final Group[] GROUPS = Group.values();
    static final Complexity[] COMPLEXITIES = Complexity.values();
    static final Readiness[] READINESS = Readiness.values();

    final Mrg32k3a stream;
    final Group group;
    final Complexity complexity;
    final Readiness readiness;
    int previousEpisodes;
    /** Number in the event log (1, 2, …), given at the first traced event; 0 when not traced. */
    int caseNumber;

    private Stage stage = Stage.OUT_OF_TREATMENT;
    private Event[] stageEvents = NONE;
    private int stageEventCount;

    /** Time of the referral that began the current journey; NaN for the initial caseload. */
    double referralTime = Double.NaN;
    boolean startedTreatmentThisJourney;
    /** Journeys begun so far, and when the current one started treatment or ended (infinite while open). */
    private int journey;
    private double journeyClosedAt = Double.POSITIVE_INFINITY;
    boolean treatedBefore;
    boolean representing;
    /** How the client last left the service (null before they first leave): tells a re-presentation from a re-referral. */
    Exit lastExit;
    /** The last reporting year in which the client was referred (-1: none), for distinct people referred. */
    int lastReferredPeriod = -1;

    PathwayState pathway;
    int slot = -1;
    double pathwayEntryTime;
    /** Start of the current unbroken stay in treatment pathways (NaN when not in treatment). */
    double treatmentStreakStart = Double.NaN;
    boolean countedAsLongStay;
    /** Counted among people whose unbroken stay in treatment is still under six months. */
    boolean countedAsShortStay;
    int lastSeenPeriod = -1;

    double lastCompletionTime = Double.NaN;
    int lastCompletionPeriod = -1;

    /** While waiting for assessment: the service time and routing uniform drawn at referral. */
    double queuedServiceDays;
    double routeUniform;
    /** The pathway whose queue the client is in (stage {@link Stage#WAITING_FOR_PLACE}), or null. */
    PathwayState queuedFor;

    Client(Mrg32k3a stream, Group group, Complexity complexity, Readiness readiness, int previousEpisodes) {
        this.stream = stream;
        this.group = group;
        this.complexity = complexity;
        this.readiness = readiness;
        this.previousEpisodes = previousEpisodes;
    }

    /** A uniform in (0,1) from this client's own stream. */
    double u() {
        return stream.nextDouble();
    }

    Stage stage() {
        return stage;
    }

    /** Moves to {@code next}, cancelling every pending event of the stage being left. */
    void enter(Stage next) {
        for (int i = 0; i < stageEventCount; i++) {
            stageEvents[i].cancel();
            stageEvents[i] = null;
        }
        stageEventCount = 0;
        stage = next;
    }

    /** Registers an event of the current stage, to be cancelled when the client leaves it. */
    void own(Event e) {
        if (stageEventCount == stageEvents.length) stageEvents = Arrays.copyOf(stageEvents, Math.max(2, 2 * stageEventCount));
        stageEvents[stageEventCount++] = e;
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
