/**
 * What a replication produces, shared by every layer that makes or reads results: the metric
 * catalogue ({@link org.caseload.results.Metrics}: every output name defined once, with unit,
 * meaning and {@link org.caseload.results.Direction}), one replication's values
 * ({@link org.caseload.results.ReplicationResult}) and a scenario's replications in order
 * ({@link org.caseload.results.ScenarioResult}).
 *
 * <p>The lowest layer: it imports no other caseload package but {@code fault}, so the scenario reader (which
 * checks target metric names), the model (which fills results) and the experiment, statistics
 * and report layers (which gather and print them) all depend on it and not on each other.
 */
package org.caseload.results;
