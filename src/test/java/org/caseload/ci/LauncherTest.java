package org.caseload.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The launcher {@code bin/caseload} passes the parallel collector unless JAVA_OPTS names a
 * collector (the JVM refuses two). Run against a stand-in {@code java} (through JAVA_HOME) that
 * prints the arguments it was given, in a copy of the checkout's layout, so no jar is needed.
 */
class LauncherTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|-XX:+UseParallelGC",
            "-Xmx8g|-XX:+UseParallelGC -Xmx8g",
            "-XX:+UseG1GC|-XX:+UseG1GC",
            "-Xmx8g -XX:+UseZGC -Dx=1|-Xmx8g -XX:+UseZGC -Dx=1",
            "-XX:+UseSerialGC|-XX:+UseSerialGC"})
    void theParallelCollectorUnlessJavaOptsNamesOne(String javaOpts, String expected, @TempDir Path dir)
            throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh");
        Path home = dir.resolve("checkout");
        Files.createDirectories(home.resolve("bin"));
        Files.copy(Path.of("bin/caseload"), home.resolve("bin/caseload"));
        Files.createDirectories(home.resolve("target"));
        Files.writeString(home.resolve("target/caseload.jar"), "");
        Path javaHome = Files.createDirectories(dir.resolve("jdk/bin"));
        Path java = javaHome.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", home.resolve("bin/caseload").toString(), "--version");
        pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        pb.environment().put("JAVA_OPTS", javaOpts);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        String jar = home.toRealPath().resolve("target/caseload.jar").toString();
        assertEquals("-Djava.awt.headless=true -Dcaseload.stderr.terminal=false " + expected + " -jar " + jar + " --version", out);
        assertEquals(1, List.of(out.split(" ")).stream().filter(a -> a.matches("-XX:\\+Use.*GC")).count(), out);
    }
}
