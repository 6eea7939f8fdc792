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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package choice of {@code .ci/run --plan}, on package lists as Debian 12 and Debian 13
 * present them: {@code apt-cache}, {@code dpkg-query} and {@code javac} are replaced by
 * stubs that answer as those releases do. Nothing is installed.
 */
class CiScriptTest {
    private static final List<String> NEEDED = List.of("maven", "fontconfig", "fonts-dejavu-core", "libharfbuzz0b", "chromium",
            "chromium-driver");

    record Result(int exit, String out, String err) {
    }

    /**
     * @param offered   packages with a candidate version in the (stub) package lists
     * @param installed packages dpkg reports as installed
     * @param javac     the major version the stub javac reports, or 0 for no javac
     */
    private static Result plan(Path dir, Set<String> offered, Set<String> installed, int javac) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "no bash");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        stub(bin, "apt-cache", "[ \"$1\" = policy ] || exit 1\ncase \" " + String.join(" ", offered) + " \" in\n"
                + "  *\" $2 \"*) printf '%s:\\n  Installed: (none)\\n  Candidate: 1.0\\n' \"$2\" ;;\n"
                + "  *) : ;;\nesac\n");
        stub(bin, "dpkg-query", "pkg=\"${@: -1}\"\ncase \" " + String.join(" ", installed) + " \" in\n"
                + "  *\" $pkg \"*) printf 'install ok installed' ;;\n  *) exit 1 ;;\nesac\n");
        stub(bin, "javac", javac == 0 ? "echo 'javac: not found' >&2; exit 127\n" : "echo 'javac " + javac + ".0.2' >&2\n");
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", Path.of(".ci/run").toAbsolutePath().toString(), "--plan");
        Map<String, String> env = pb.environment();
        env.put("PATH", bin + ":/usr/bin:/bin");
        pb.redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the plan took over a minute");
        return new Result(p.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
    }

    private static void stub(Path bin, String name, String body) throws IOException {
        Path f = bin.resolve(name);
        Files.writeString(f, "#!/bin/bash\n" + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Set<String> with(List<String> base, String... more) {
        java.util.Set<String> s = new java.util.LinkedHashSet<>(base);
        s.addAll(List.of(more));
        return s;
    }

    private static String installLine(Result r) {
        return r.out().lines().filter(l -> l.startsWith("install: ")).findFirst().orElseThrow(() -> new AssertionError(r.out() + r.err()));
    }

    @Test
    void debian12TakesOpenJdk17(@TempDir Path dir) throws Exception {
        Result r = plan(dir, with(NEEDED, "openjdk-17-jdk-headless"), Set.of(), 0);
        assertEquals(0, r.exit(), r.err());
        assertEquals("install: openjdk-17-jdk-headless " + String.join(" ", NEEDED), installLine(r));
    }

    @Test
    void debian13HasNoJdk17AndTakesJdk21(@TempDir Path dir) throws Exception {
        Result r = plan(dir, with(NEEDED, "openjdk-21-jdk-headless", "openjdk-25-jdk-headless"), Set.of(), 0);
        assertEquals(0, r.exit(), r.err());
        assertEquals("install: openjdk-21-jdk-headless " + String.join(" ", NEEDED), installLine(r));
    }

    @Test
    void anOldDefaultJdkIsNotEnough(@TempDir Path dir) throws Exception {
        Result r = plan(dir, with(NEEDED, "openjdk-21-jdk-headless"), Set.of("maven"), 11);
        assertEquals(0, r.exit(), r.err());
        assertTrue(installLine(r).startsWith("install: openjdk-21-jdk-headless fontconfig"), installLine(r));
    }

    @Test
    void aMachineWithEverythingInstallsNothing(@TempDir Path dir) throws Exception {
        Result r = plan(dir, Set.of(), Set.copyOf(NEEDED), 17);
        assertEquals(0, r.exit(), r.err());
        assertEquals("install: nothing", installLine(r));
        assertTrue(r.out().contains("jdk: already usable: javac 17"), r.out());
    }

    @Test
    void whatCannotBeHadIsNamedAndFails(@TempDir Path dir) throws Exception {
        Set<String> offered = with(NEEDED, "openjdk-17-jdk-headless");
        offered.remove("chromium-driver");
        offered.remove("libharfbuzz0b");
        Result r = plan(dir, offered, Set.of(), 0);
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().contains("not offered by apt") && r.err().contains("libharfbuzz0b") && r.err().contains("chromium-driver"),
                r.err());
    }

    @Test
    void noJdkOfferedIsNamed(@TempDir Path dir) throws Exception {
        Result r = plan(dir, Set.copyOf(NEEDED), Set.of(), 0);
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().contains("a JDK >= 17 (none of openjdk-17-jdk-headless openjdk-21-jdk-headless"), r.err());
    }
}
