package org.caseload.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The full command that reproduces a run, for report.html: every argument as given, plus
 * the seed and the replication count when they were left to their defaults, so the line
 * still reproduces the run if a default changes. Arguments are quoted for a POSIX shell.
 */
final class Reproduce {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./=:,+@%-]+");

    private Reproduce() {
    }

    static String command(CommandSpec spec, RunOptions run, int replications) {
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        String name = spec.name();
        if (!args.isEmpty() && args.get(0).equals(name)) args.remove(0);
        if (args.stream().noneMatch(a -> a.equals("--seed") || a.startsWith("--seed="))) {
            args.addAll(List.of("--seed", String.valueOf(run.execution.seed)));
        }
        if (run.precision == null && args.stream().noneMatch(a -> a.equals("--replications") || a.startsWith("--replications="))) {
            args.addAll(List.of("--replications", String.valueOf(replications)));
        }
        StringBuilder b = new StringBuilder("caseload ").append(name);
        for (String a : args) b.append(' ').append(quote(a));
        return b.toString();
    }

    static String quote(String a) {
        if (!a.isEmpty() && PLAIN.matcher(a).matches()) return a;
        return "'" + a.replace("'", "'\\''") + "'";
    }
}
