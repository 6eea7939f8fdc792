package org.caseload.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.caseload.scenario.Scenario;
import org.caseload.scenario.ScenarioReader;
import org.caseload.scenario.ScenarioVariant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Checks scenario files without running them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check scenario files (types, ranges, shares, pathway names, extends) without running them.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario YAML files.")
    List<Path> files;

    @Mixin
    ScenarioOptions scenarioOptions = new ScenarioOptions();

    @Override
    public Integer call() {
        List<ScenarioReader.Loaded> loaded = scenarioOptions.load(files);
        for (int i = 0; i < files.size(); i++) {
            Scenario s = loaded.get(i).scenario();
            spec.commandLine().getOut().printf("%s: ok (scenario '%s', %d pathway(s), %d months + %d warm-up%s)%n",
                    files.get(i), s.name(), s.pathways().size(), s.horizonMonths(), s.warmupMonths(),
                    ScenarioVariant.isVariant(loaded.get(i).tree()) ? ", a variant's (variant_warmup_months)" : "");
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
