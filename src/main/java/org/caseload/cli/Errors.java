package org.caseload.cli;

import java.io.PrintWriter;
import org.caseload.fault.CaseloadException;
import org.caseload.fault.EnvironmentException;
import org.caseload.fault.ExitCode;
import org.caseload.fault.Text;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into exit codes: a {@link CaseloadException} (a user mistake, exit 2, or a
 * fault of the machine, exit 3) gets one line on standard error; running out of memory,
 * wherever it happened, is a fault of the machine with advice; anything else is a bug and
 * keeps its stack trace (exit code 1).
 */
final class Errors implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        CaseloadException ce = ex instanceof CaseloadException c ? c : outOfMemory(ex);
        if (ce != null) {
            // A file name may contain a newline or a control character: the message stays one line.
            err.println("caseload: error: " + Text.oneLine(ce.getMessage()));
            err.flush();
            return ce.exitCode();
        }
        err.println("caseload: internal error (please report it): " + ex);
        ex.printStackTrace(err);
        err.flush();
        return ExitCode.INTERNAL;
    }

    /**
     * Out-of-memory arrives bare from the command's own thread, or as the cause of another
     * exception when a worker thread ran out; either way it is the machine's limit.
     */
    static EnvironmentException outOfMemory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError oom) {
                return new EnvironmentException("out of memory (" + Text.oneLine(String.valueOf(oom.getMessage()))
                        + "): give Java more with -Xmx (e.g. java -Xmx8g -jar caseload.jar ...), "
                        + "or use fewer --threads, fewer replications or a smaller scenario", oom);
            }
        }
        return null;
    }

    /**
     * picocli hands only {@link Exception}s to the handler; an {@link OutOfMemoryError} thrown
     * by the command is turned into one here, so it gets the same one line and exit 3.
     */
    static IExecutionStrategy catchingOutOfMemory(IExecutionStrategy inner) {
        return parsed -> {
            try {
                return inner.execute(parsed);
            } catch (OutOfMemoryError oom) {
                throw new CommandLine.ExecutionException(parsed.commandSpec().commandLine(), "out of memory", outOfMemory(oom));
            }
        };
    }
}
