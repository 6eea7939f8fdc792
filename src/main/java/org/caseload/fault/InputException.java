package org.caseload.fault;

/**
 * A mistake the user can fix (exit code 2): an option out of range, a scenario that asks for
 * more work than allowed, an output folder that caseload will not touch, a simulation that
 * stopped advancing in time.
 */
public class InputException extends CaseloadException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message, null);
    }

    @Override
    public int exitCode() {
        return ExitCode.INPUT;
    }
}
