package org.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layer order stated in the README's Layout section, checked on the sources: a package of
 * {@code src/main} imports only packages below it ({@code fault} and the top-level
 * {@code Version} and {@code BuildId} may be used by any layer). A new package must be placed in {@link #LAYERS}.
 */
class LayeringTest {
    /** Low to high, as in the README. */
    static final List<String> LAYERS = List.of("results", "scenario", "schema", "engine", "model", "stats", "experiment",
            "analysis", "report", "batch", "eventlog", "api", "web", "cli");
    private static final Set<String> ANY_LAYER = Set.of("fault");
    private static final Path ROOT = Path.of("src/main/java/org/caseload");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.caseload\\.([a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void everyPackageIsPlacedInTheOrder() throws IOException {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(ROOT)) {
            dirs.filter(Files::isDirectory).forEach(d -> packages.add(d.getFileName().toString()));
        }
        packages.removeAll(ANY_LAYER);
        assertEquals(new TreeSet<>(LAYERS), packages, "packages of src/main versus the layer order of this test and the README");
    }

    @Test
    void noPackageImportsALayerAboveIt() throws IOException {
        List<String> upward = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = ROOT.relativize(f);
                if (rel.getNameCount() < 2) continue; // org.caseload.Version, BuildId
                String own = rel.getName(0).toString();
                if (ANY_LAYER.contains(own)) continue;
                Matcher m = IMPORT.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    String used = m.group(1);
                    if (used.equals(own) || ANY_LAYER.contains(used)) continue;
                    if (LAYERS.indexOf(used) > LAYERS.indexOf(own)) upward.add(rel + " imports " + used);
                }
            }
        }
        assertTrue(upward.isEmpty(), "imports from a higher layer: " + upward);
    }

    @Test
    void theCheckWouldSeeAnUpwardImport() {
        Matcher m = IMPORT.matcher("package org.caseload.model;\nimport org.caseload.experiment.Experiment;\n");
        assertTrue(m.find());
        assertTrue(LAYERS.indexOf(m.group(1)) > LAYERS.indexOf("model"));
    }
}
