package org.caseload.model;

/**
 * The moves of a client's journey between the parts of the treatment system. Each part calls
 * these instead of the part that handles the move, so the parts know one another only
 * through this interface and {@link TreatmentSystem} wires them.
 */
interface Journey {
    /** A new or re-presenting referral queues for assessment ({@link Referrals}). */
    void refer(Client c);

    /** Assessed, or moving on from a pathway: admitted to {@code p} or queued for it ({@link Pathways}). */
    void admit(Client c, PathwayState p);

    /** A place is free: the episode begins ({@link Episodes}). */
    void startEpisode(Client c, PathwayState p);

    /** Leaving the service alive ({@link AfterExit}). */
    void leave(Client c, Exit exit, boolean afterPrescribing);

    /** Dead, or transferred out of the area: no longer followed ({@link AfterExit}). */
    void noLongerFollowed(Client c);

    /** Someone joined or left a waiting list ({@link Recorder}). */
    void waitingChanged();

    /** Tells the replication's {@link Trace}, if any, of a move ({@code p} may be null). */
    void trace(Client c, Activity a, PathwayState p);
}
