package org.caseload.cli;

/** A mistake in how the tool was called that is not a scenario file error (exit code 2). */
final class UserException extends org.caseload.fault.InputException {
    private static final long serialVersionUID = 1L;

    UserException(String message) {
        super(message);
    }
}
