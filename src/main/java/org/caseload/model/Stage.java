package org.caseload.model;

/**
 * Where a client is in their journey. Every event scheduled for a client belongs to the stage
 * they were in when it was scheduled, and is cancelled when they leave that stage
 * ({@link Client#enter}), so no event ever fires for a stage the client has left.
 */
enum Stage {
    /** Referred and queued for an assessor; may die (out-of-treatment rate) or drop away. */
    WAITING_FOR_ASSESSMENT,
    /** With an assessor until the assessment ends. */
    IN_ASSESSMENT,
    /** Assessed and routed, queued for a place in a pathway; may die or drop away. */
    WAITING_FOR_PLACE,
    /** In a pathway (treatment or recovery community) until the episode ends or they die there. */
    IN_PATHWAY,
    /**
     * Left the service: due to re-present, or to die within the follow-up window, or no longer
     * followed (nothing pending).
     */
    OUT_OF_TREATMENT,
    DEAD;

    /** The stages by ordinal ({@code values()} copies its array on every call). */
    static final Stage[] ALL = values();
}
