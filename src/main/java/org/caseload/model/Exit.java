package org.caseload.model;

/** How someone left the service alive; it sets their chance and timing of relapse. */
enum Exit {
    /** Completed a treatment pathway and did not move on to another pathway. */
    COMPLETED_TREATMENT,
    /** Completed the recovery community: relapse after completion, times the recovery-community multiplier. */
    COMPLETED_RECOVERY_COMMUNITY,
    /** Left the recovery community early: they had completed treatment, so relapse as after completion. */
    LEFT_RECOVERY_COMMUNITY,
    /** Unplanned exit from a treatment pathway. */
    DROPPED_OUT,
    /** Gave up waiting for assessment or a place: never started, still using, so they come back if they re-present. */
    DROPPED_AWAY;

    /** The exits by ordinal ({@code values()} copies its array on every call). */
    static final Exit[] ALL = values();

    /** How someone whose episode in {@code p} completed leaves the service, when they do not move on. */
    static Exit completing(PathwayState p) {
        return p.isTreatment() ? COMPLETED_TREATMENT : COMPLETED_RECOVERY_COMMUNITY;
    }

    /** How someone whose episode in {@code p} ended early leaves the service. */
    static Exit droppingOut(PathwayState p) {
        return p.isTreatment() ? DROPPED_OUT : LEFT_RECOVERY_COMMUNITY;
    }
}
