package org.caseload.engine;

import org.caseload.fault.InputException;

/**
 * A replication stopped by one of the engine's guards: more events than its budget, or
 * simulated time that no longer advances. Both come from the scenario (a runaway or a
 * zero-delay cycle), so they are the user's to fix (exit code 2), with the cause in the message.
 */
public final class SimulationStoppedException extends InputException {
    private static final long serialVersionUID = 1L;

    SimulationStoppedException(String message) {
        super(message);
    }
}
