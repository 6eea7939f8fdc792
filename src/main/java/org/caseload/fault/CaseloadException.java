package org.caseload.fault;

/**
 * A failure meant for a person, not a bug: the command line prints its message as one line,
 * without a stack trace, and exits with {@link #exitCode()}. Any layer may throw one; the
 * subclasses say whose fault it is.
 */
public abstract class CaseloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected CaseloadException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** One of {@link ExitCode#INPUT} or {@link ExitCode#ENVIRONMENT}. */
    public abstract int exitCode();
}
