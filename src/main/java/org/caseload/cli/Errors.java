package org.caseload.cli;

import java.io.PrintWriter;
import org.caseload.fault.CaseloadException;
import org.caseload.fault.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into exit codes: a {@link CaseloadException} (a user mistake, exit 2, or a
 * fault of the machine, exit 3) gets one line on standard error; anything else is a bug and
 * keeps its stack trace (exit code 1).
 */
final class Errors implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (ex instanceof CaseloadException ce) {
            err.println("caseload: error: " + ce.getMessage());
            err.flush();
            return ce.exitCode();
        }
        err.println("caseload: internal error (please report it): " + ex);
        ex.printStackTrace(err);
        err.flush();
        return ExitCode.INTERNAL;
    }
}
