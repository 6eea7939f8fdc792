package org.caseload.model;

/**
 * The kinds of event scheduled for a client, each handled by the part that owns it (see
 * {@link TreatmentSystem}'s dispatch). An event belongs to the stage the client was in when it
 * was scheduled and is cancelled when the client leaves that stage.
 */
enum ClientEvent {
    /** A new referral arrives ({@link Referrals}); the client exists from scheduling, counts from now. */
    ARRIVAL,
    /** The assessment ends and the client is routed ({@link Referrals}). */
    ASSESSMENT_END,
    /** Patience runs out while waiting for assessment ({@link Referrals}). */
    DROPPED_AWAY_FROM_ASSESSMENT,
    /** Patience runs out while waiting for a place ({@link Pathways}). */
    DROPPED_AWAY_FROM_PLACE,
    /** Death while waiting for assessment or a place ({@link Mortality}). */
    DIED_WHILE_WAITING,
    /** The episode ends as planned ({@link Episodes}). */
    EPISODE_END,
    /** Death in a pathway ({@link Episodes}). */
    DIED_IN_PATHWAY,
    /** Death within the follow-up window after leaving ({@link AfterExit}). */
    DIED_AFTER_EXIT,
    /** Re-presentation after leaving ({@link AfterExit}). */
    RETURNED;

    /** The kinds by ordinal ({@code values()} copies its array on every call). */
    static final ClientEvent[] ALL = values();
}
