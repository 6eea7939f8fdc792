package org.caseload.model;

/** The moves of a client that a {@link Trace} is told, with the names written in an event log. */
public enum Activity {
    /** A first referral (a new person). */
    REFERRAL("referral"),
    /** A later referral of someone who has left the service before (not one who dropped away: see {@link #RE_REFERRAL}). */
    RE_PRESENTATION("re-presentation"),
    /** A referral of someone who last gave up waiting (for assessment or a place) without starting. */
    RE_REFERRAL("re-referral after dropping away"),
    /** Someone already in a pathway when the simulation starts (day 0). */
    INITIAL_CASELOAD("initial caseload"),
    /** Someone who left before day 0 and is due to re-present (the initial caseload's earlier occupants). */
    OUT_AT_START("out of treatment at start"),
    /** Someone referred before day 0 and in assessment (or waiting for it) then: the pipeline of a system at rest. */
    IN_ASSESSMENT_AT_START("in assessment at start"),
    ASSESSMENT_START("assessment start"),
    /** Assessed and routed to a pathway. */
    ASSESSMENT_END("assessment end"),
    /** No room in the pathway: joins its waiting list. */
    WAITING_FOR_PLACE("waiting for place"),
    EPISODE_START("episode start"),
    EPISODE_COMPLETED("episode completed"),
    DROPPED_OUT("dropped out"),
    TRANSFERRED("transferred"),
    /** Gave up waiting for assessment or a place. */
    DROPPED_AWAY("dropped away"),
    /** Left the service alive after an episode (not moving on to another pathway). */
    LEFT_SERVICE("left service"),
    /** Transferred out of the area: no longer followed. */
    MOVED_AWAY("moved out of area"),
    DIED("died");

    private final String label;

    Activity(String label) {
        this.label = label;
    }

    /** The name written in the event log. */
    public String label() {
        return label;
    }

    static Activity ended(Episodes.Outcome outcome) {
        return switch (outcome) {
            case COMPLETE -> EPISODE_COMPLETED;
            case DROPOUT -> DROPPED_OUT;
            case TRANSFER -> TRANSFERRED;
        };
    }
}
