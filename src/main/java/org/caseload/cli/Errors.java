package org.caseload.cli;

import java.io.PrintWriter;
import org.caseload.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into exit codes: user mistakes get one line on standard error and exit
 * code 2; anything else is a bug and keeps its stack trace (exit code 1).
 */
final class Errors implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (ex instanceof ScenarioException || ex instanceof UserException) {
            err.println("caseload: error: " + ex.getMessage());
            err.flush();
            return Main.EXIT_USER_ERROR;
        }
        err.println("caseload: internal error (please report it): " + ex);
        ex.printStackTrace(err);
        err.flush();
        return 1;
    }
}
