package org.caseload.results;

/**
 * One reported metric: its exact output name, unit, meaning and direction.
 *
 * @param name        column value used in every CSV (stable: part of the output contract)
 * @param unit        unit shown on charts and in the report
 * @param description one-sentence definition
 * @param direction   whether higher is better, used for comparison verdicts
 */
public record Metric(String name, String unit, String description, Direction direction) {
    public Metric {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("metric name is blank");
    }
}
