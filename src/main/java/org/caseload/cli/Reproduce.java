package org.caseload.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The full command that reproduces a --precision run, for report.html: the scenario files as
 * given, every --set, the precision with its cap and the seed (even when defaulted, so the line
 * still reproduces the run if a default changes), and a comparison's own options; never how it
 * was run (--out, --threads, --resume), so an interrupted and resumed run writes the same report.
 * Arguments are quoted for a POSIX shell.
 */
final class Reproduce {

    private Reproduce() {
    }

    static String precision(String command, List<Path> files, List<String> overrides, RunOptions run, List<String> more) {
        List<String> args = new ArrayList<>();
        files.forEach(f -> args.add(f.toString()));
        for (String o : overrides) args.addAll(List.of("--set", o));
        args.addAll(run.precisionDesign());
        args.addAll(List.of("--seed", String.valueOf(run.execution.seed)));
        args.addAll(more);
        StringBuilder b = new StringBuilder("caseload ").append(command);
        for (String a : args) b.append(' ').append(org.caseload.report.ShellWords.quote(a));
        return b.toString();
    }
}
