package org.caseload.model;

import org.caseload.scenario.Complexity;
import org.caseload.scenario.Group;
import org.caseload.scenario.Readiness;
import umontreal.ssj.rng.RandomStream;

/**
 * One person, from first referral to their last event. Every random draw about this person
 * comes from their own stream, in a fixed order per step of their journey, so that another
 * client's delay or a change of capacity does not shift this person's draws (common random
 * numbers hold client by client).
 */
final class Client {
    final RandomStream stream;
    final Group group;
    final Complexity complexity;
    final Readiness readiness;
    int previousEpisodes;

    /** Incremented whenever the client moves on, so that stale scheduled events can be ignored. */
    int token;

    /** Time of the referral that began the current journey; NaN for the initial caseload. */
    double referralTime = Double.NaN;
    boolean startedTreatmentThisJourney;
    /** Counts referrals, so a check scheduled for one journey can tell it is still the same one. */
    int journey;
    /** In the system since the current referral (false once they leave or die). */
    boolean inJourney;
    boolean treatedBefore;
    boolean representing;

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
    boolean awaitingAssessment;
    double queuedServiceDays;
    double routeUniform;
    /** The pathway whose queue the client is in, or null. */
    PathwayState queuedFor;

    Client(RandomStream stream, Group group, Complexity complexity, Readiness readiness, int previousEpisodes) {
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
}
