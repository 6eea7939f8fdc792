package org.caseload.cli;

import java.util.List;
import org.caseload.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point. Exit codes: 0 success; 2 a user mistake (bad option, bad scenario file, a
 * refused output folder), with one message and no stack trace; 3 a fault of the machine
 * (disk full, read-only, permission denied, out of memory), also one message; 1 an
 * internal error, with its stack trace.
 */
@Command(name = "caseload", mixinStandardHelpOptions = true, versionProvider = Main.BuildVersion.class, description = Main.ABOUT)
public final class Main {
    public static final int EXIT_USER_ERROR = 2;
    static final String ABOUT = "Discrete-event simulation for planning drug and alcohol treatment capacity.";

    /**
     * The whole command line as annotations, every subcommand in the order the help lists them:
     * what the build generates the completion script and the man pages from (pom.xml names this
     * class), since {@link Main} itself adds its subcommands in code, only those a run needs.
     */
    @Command(name = "caseload", mixinStandardHelpOptions = true, versionProvider = Main.BuildVersion.class, description = ABOUT,
            subcommands = {RunCommand.class, CompareCommand.class, WarmupCommand.class, CalibrateCommand.class, RestCommand.class,
                ValidateCommand.class, BenchCommand.class, SchemaCommand.class, ServeCommand.class, SweepCommand.class,
                PsaCommand.class, SensitivityCommand.class, MergeCommand.class})
    public static final class Commands {
    }

    /** The subcommands, in the order the help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(Commands.class.getAnnotation(Command.class).subcommands());

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        Thread.setDefaultUncaughtExceptionHandler(Main::uncaught);
        CommandLine cl = commandLine(args);
        int code = cl.execute(args);
        System.exit(outputLost(cl, code));
    }

    /**
     * A throwable no one caught on a thread of its own (the JDK's, such as Java2D's disposer, or
     * the chart warm-up's): out of memory is said once, in one line, by the command that meets
     * it (exit 3), so a second report with a trace from another thread is left out; anything
     * else is a bug and keeps its trace, as Java would print it.
     */
    static void uncaught(Thread t, Throwable e) {
        if (e instanceof OutOfMemoryError) return;
        System.err.print("Exception in thread \"" + t.getName() + "\" ");
        e.printStackTrace(System.err);
    }

    /**
     * The exit code once standard output is flushed: a PrintWriter keeps a failed write to itself
     * (a full disk under {@code caseload schema > file}, a closed pipe), so a command that
     * succeeded but could not write what it printed exits 3 with one line, not 0.
     */
    static int outputLost(CommandLine cl, int code) {
        boolean lost = cl.getOut().checkError() | System.out.checkError(); // both flush; System.out keeps its own flag
        if (code != 0 || !lost) return code;
        cl.getErr().println("caseload: error: cannot write to standard output (disk full or closed?): what the command "
                + "printed is incomplete");
        cl.getErr().flush();
        return org.caseload.fault.ExitCode.ENVIRONMENT;
    }

    /** {@code --version}: the version the build wrote into the jar. */
    static final class BuildVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"caseload " + Version.VERSION};
        }
    }

    /** The configured command line with every subcommand, also used by tests through {@code execute}. */
    public static CommandLine commandLine() {
        return configured(COMMANDS);
    }

    /**
     * The command line for {@code args}: when the first argument names a subcommand, only that
     * one is built. Picocli reads every option of every subcommand it is given: building all
     * twelve made {@code caseload run --help} take 0.47 s against 0.39 s with one. The
     * top-level help and a misspelt command still get them all.
     */
    static CommandLine commandLine(String[] args) {
        if (args.length > 0) {
            for (Class<?> c : COMMANDS) {
                if (c.getAnnotation(Command.class).name().equals(args[0])) return configured(List.of(c));
            }
        }
        return commandLine();
    }

    private static CommandLine configured(List<Class<?>> commands) {
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> c : commands) cl.addSubcommand(c);
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
