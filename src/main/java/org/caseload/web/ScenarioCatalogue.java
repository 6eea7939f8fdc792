package org.caseload.web;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.caseload.fault.CaseloadException;
import org.caseload.scenario.ScenarioReader;

/**
 * The baselines the page offers: every valid scenario file directly in the scenario folder,
 * by file name without {@code .yaml}. The browser only ever sends one of these names, never
 * a path, so no request can make the server read another file.
 */
final class ScenarioCatalogue {
    /** A baseline the page can offer. */
    record Entry(String name, Path file, ScenarioReader.Loaded loaded) {
    }

    private final Map<String, Entry> entries = new TreeMap<>();

    /** Loads and validates every scenario now; files that do not validate are left out with a warning. */
    ScenarioCatalogue(Path folder, PrintStream warnings) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted().toList()) {
                String name = f.getFileName().toString().replaceFirst("\\.yaml$", "");
                try {
                    entries.put(name, new Entry(name, f, ScenarioReader.load(f, List.of())));
                } catch (CaseloadException e) {
                    warnings.println("caseload serve: warning: leaving out " + f + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Entry get(String name) {
        return name == null ? null : entries.get(name);
    }

    Collection<Entry> all() {
        return entries.values();
    }

    /** The first baseline to show: leeds when there is one. */
    Entry first() {
        Entry leeds = entries.get("leeds");
        return leeds != null ? leeds : entries.values().stream().findFirst().orElse(null);
    }
}
