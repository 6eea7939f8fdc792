package org.caseload.fault;

/**
 * The process exit codes, part of the command-line contract (documented in the README).
 */
public final class ExitCode {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** A bug in caseload: the message asks for a report and keeps its stack trace. */
    public static final int INTERNAL = 1;
    /** A mistake the user can fix: bad option, bad scenario file, refused output folder, a work limit. */
    public static final int INPUT = 2;
    /** The machine refused: disk full, read-only, permission denied, out of memory. */
    public static final int ENVIRONMENT = 3;

    private ExitCode() {
    }
}
