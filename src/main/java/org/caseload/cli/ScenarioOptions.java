package org.caseload.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.caseload.scenario.ScenarioReader;
import picocli.CommandLine.Option;

/** Options shared by commands that load scenarios. */
final class ScenarioOptions {
    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override one value of every scenario, e.g. --set pathways.intensive_keywork.capacity.staff_fte=40 "
                    + "or --set budget.changes.0.change_pct=-25 (list elements by index). Repeatable.")
    List<String> overrides = new ArrayList<>();

    /** Loads and validates every file before anything runs, so a mistake in the last one costs nothing. */
    List<ScenarioReader.Loaded> load(List<Path> files) {
        List<ScenarioReader.Loaded> loaded = new ArrayList<>();
        for (Path f : files) loaded.add(ScenarioReader.load(f, overrides));
        return loaded;
    }
}
