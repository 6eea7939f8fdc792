package org.caseload.fault;

/**
 * The machine refused (exit code 3): a disk that is full or read-only, a permission denied, a
 * name too long, a parent that is a file, memory exhausted. The message names the path and the
 * operating system's reason.
 */
public class EnvironmentException extends CaseloadException {
    private static final long serialVersionUID = 1L;

    public EnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return ExitCode.ENVIRONMENT;
    }
}
