package org.caseload.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.caseload.api.StartedIn;
import org.caseload.scenario.ComparedScenarios;
import org.caseload.scenario.ConfigNode;
import org.caseload.scenario.ListNode;
import org.caseload.scenario.MapNode;
import org.caseload.scenario.ScenarioReader;
import org.caseload.scenario.Source;
import picocli.CommandLine.Option;

/** Options shared by commands that load scenarios. */
final class ScenarioOptions {
    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override one value of every scenario, e.g. --set pathways.intensive_keywork.capacity.staff_fte=40 "
                    + "or --set budget.changes.0.change_pct=-25 (list elements by index). Repeatable.")
    List<String> overrides = new ArrayList<>();

    /**
     * Where relative scenario files are read from (null: the current folder): a {@code --resume}
     * that runs a recorded command line again sets the folder the run started in ({@link StartedIn}),
     * while the files keep the paths as given, for the outputs and the record.
     */
    Path startedIn;

    /** Where scenario file {@code given} is read from (see {@link #startedIn}). */
    Path locate(Path given) {
        return StartedIn.locate(given, startedIn);
    }

    /** Where each of the scenario files given is read from. */
    List<Path> located(List<Path> given) {
        return given.stream().map(this::locate).toList();
    }

    /** {@link #inputFiles} of the scenario files given, where they are read from. */
    List<Path> inputsOf(List<Path> given, List<ScenarioReader.Loaded> loaded) {
        return inputFiles(located(given), loaded);
    }

    /** Loads and validates every file before anything runs, so a mistake in the last one costs nothing. */
    List<ScenarioReader.Loaded> load(List<Path> files) {
        List<ScenarioReader.Loaded> loaded = new ArrayList<>();
        for (Path f : files) loaded.add(ScenarioReader.load(locate(f), overrides));
        return loaded;
    }

    /** As {@link #load}, for scenarios compared with one another: their warm-ups lined up ({@link ComparedScenarios}). */
    List<ScenarioReader.Loaded> loadCompared(List<Path> files) {
        return ComparedScenarios.align(load(files));
    }

    /**
     * Every file the command reads: the files given and those they extend (the file of
     * every value in the resolved trees). No output folder may hold one of them.
     */
    static List<Path> inputFiles(List<Path> files, List<ScenarioReader.Loaded> loaded) {
        Set<Path> all = new LinkedHashSet<>(files);
        for (ScenarioReader.Loaded l : loaded) collectFiles(l.tree(), all);
        return List.copyOf(all);
    }

    private static void collectFiles(ConfigNode node, Set<Path> into) {
        Source s = node.source();
        if (s != null && s != Source.COMMAND_LINE && s.line() > 0) into.add(Path.of(s.file()));
        if (node instanceof MapNode m) {
            m.keySources().values().forEach(k -> {
                if (k != null && k.line() > 0) into.add(Path.of(k.file()));
            });
            m.entries().values().forEach(c -> collectFiles(c, into));
        } else if (node instanceof ListNode l) {
            l.items().forEach(c -> collectFiles(c, into));
        }
    }
}
