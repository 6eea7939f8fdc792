package org.caseload.results;

/** Whether a larger value of a metric is good news, bad news, or neither. */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    /** Descriptive only (volumes, staffing): a comparison reports the difference but no verdict. */
    NEUTRAL
}
