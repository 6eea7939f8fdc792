package org.caseload.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line in a child JVM working in a folder of its own (a test JVM cannot change its own). */
final class ChildJvm {
    private ChildJvm() {
    }

    /** Starts {@code caseload ARGS} in {@code folder}, its standard output and error into {@code log}. */
    static Process start(Path folder, List<String> args, Path log) throws java.io.IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")), "org.caseload.cli.Main"));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).directory(folder.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
