package org.caseload.cli;

import org.caseload.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point. Exit codes: 0 success; 2 a user mistake (bad option, bad scenario file, a
 * refused output folder), with one message and no stack trace; 3 a fault of the machine
 * (disk full, read-only, permission denied, out of memory), also one message; 1 an
 * internal error, with its stack trace.
 */
@Command(name = "caseload", mixinStandardHelpOptions = true, versionProvider = Main.BuildVersion.class,
        description = "Discrete-event simulation for planning drug and alcohol treatment capacity.",
        subcommands = {RunCommand.class, CompareCommand.class, WarmupCommand.class, CalibrateCommand.class,
                ValidateCommand.class, BenchCommand.class, SchemaCommand.class, ServeCommand.class,
                SweepCommand.class, PsaCommand.class, SensitivityCommand.class, MergeCommand.class})
public final class Main {
    public static final int EXIT_USER_ERROR = 2;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }

    /** {@code --version}: the version the build wrote into the jar. */
    static final class BuildVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"caseload " + Version.VERSION};
        }
    }

    /** The configured command line, also used by tests through {@code execute}. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new Errors());
        cl.setExecutionStrategy(Errors.catchingOutOfMemory(new CommandLine.RunLast()));
        cl.setParameterExceptionHandler(Main::badOption);
        return cl;
    }

    /** A bad option or argument: one line (plus picocli's suggestions for a misspelt option), not the whole usage. */
    private static int badOption(CommandLine.ParameterException ex, String[] args) {
        java.io.PrintWriter err = ex.getCommandLine().getErr();
        err.println("caseload: error: " + ex.getMessage() + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                + " --help')");
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.flush();
        return org.caseload.fault.ExitCode.INPUT;
    }
}
