package org.caseload.api;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.caseload.scenario.ConfigNode;
import org.caseload.scenario.ListNode;
import org.caseload.scenario.MapNode;
import org.caseload.scenario.ScenarioReader;
import org.caseload.scenario.Source;

/** The files a batch reads (scenarios given and those they extend): no output folder may hold one. */
final class Inputs {
    private Inputs() {
    }

    static List<Path> of(List<Path> files, List<ScenarioReader.Loaded> loaded) {
        Set<Path> all = new LinkedHashSet<>(files);
        for (ScenarioReader.Loaded l : loaded) collect(l.tree(), all);
        return List.copyOf(all);
    }

    private static void collect(ConfigNode node, Set<Path> into) {
        Source s = node.source();
        if (s != null && s != Source.COMMAND_LINE && s.line() > 0) into.add(Path.of(s.file()));
        if (node instanceof MapNode m) {
            m.keySources().values().forEach(k -> {
                if (k != null && k.line() > 0) into.add(Path.of(k.file()));
            });
            m.entries().values().forEach(c -> collect(c, into));
        } else if (node instanceof ListNode l) {
            l.items().forEach(c -> collect(c, into));
        }
    }
}
