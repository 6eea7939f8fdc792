package org.caseload.cli;

import static org.caseload.cli.SafetySupport.LEEDS;
import static org.caseload.cli.SafetySupport.SHORT;
import static org.caseload.cli.SafetySupport.names;
import static org.caseload.cli.SafetySupport.shortly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.caseload.cli.SafetySupport.Outcome;
import org.caseload.fault.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Faults of the machine are not internal errors: one line naming the path and the
 * operating system's reason, exit 3, nothing half-written. The tests run as root, for
 * whom permissions do not stop a write, so they use places that refuse everyone.
 */
class EnvironmentFaultTest {
    private static void assertEnvironmentFault(Outcome o, String path, String reason) {
        assertEquals(ExitCode.ENVIRONMENT, o.exit(), o.err());
        assertTrue(o.oneCleanLine(), "not one clean line: " + o.err());
        assertTrue(o.err().contains(path), "path not named: " + o.err());
        assertTrue(o.err().contains(reason), "reason not given: " + o.err());
    }

    @Test
    void parentIsAFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        Path out = file.resolve("results");
        assertEnvironmentFault(shortly("run", LEEDS.toString(), "--out", out.toString()), out.toString(), "is a file, not a folder");
        assertEquals("mine", Files.readString(file));
        assertEquals(List.of("notes.txt"), names(dir));
    }

    @Test
    void parentIsAFileFurtherUp(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Path out = dir.resolve("notes.txt/a/b/results");
        assertEnvironmentFault(shortly("run", LEEDS.toString(), "--out", out.toString()), dir.resolve("notes.txt").toString(),
                "is a file, not a folder");
        assertEquals(List.of("notes.txt"), names(dir));
    }

    @Test
    void nameTooLong(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("r".repeat(300));
        assertEnvironmentFault(shortly("run", LEEDS.toString(), "--out", out.toString()), "rrrr", "File name too long");
        assertEquals(List.of(), names(dir));
    }

    @Test
    void missingParentsCreatedForAFailedRunAreRemovedAgain(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("new/deeper/" + "r".repeat(300));
        assertEnvironmentFault(shortly("run", LEEDS.toString(), "--out", out.toString()), "rrrr", "File name too long");
        assertEquals(List.of(), names(dir));
    }

    /**
     * sysfs refuses to create folders for everyone, root included ("Operation not
     * permitted"): the nearest genuinely unwritable place a root test can count on.
     */
    @Test
    void aFileSystemThatRefusesEvenRoot() {
        assumeTrue(Files.isDirectory(Path.of("/sys/kernel")), "no sysfs here");
        Path out = Path.of("/sys/kernel/caseload-test-results");
        assumeTrue(!Files.exists(out));
        Outcome o = shortly("run", LEEDS.toString(), "--out", out.toString());
        assertEquals(ExitCode.ENVIRONMENT, o.exit(), o.err());
        assertTrue(o.oneCleanLine(), o.err());
        assertTrue(o.err().contains(out.toString()), o.err());
        assertTrue(!Files.exists(out));
    }

    /**
     * A genuinely read-only file system and a genuinely full one, each mounted in a private
     * mount namespace of a separate process (nothing is left mounted afterwards). Skipped
     * where {@code unshare} or {@code mount} is not permitted.
     */
    @Test
    void readOnlyAndFullFileSystems(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")), "no unshare");
        Path ro = Files.createDirectories(dir.resolve("ro"));
        Path full = Files.createDirectories(dir.resolve("full"));
        List<String> java = SafetySupport.javaCommand();
        String caseload = String.join(" ", java.stream().map(EnvironmentFaultTest::quote).toList());
        String run = " run " + quote(LEEDS.toString()) + " " + String.join(" ", SHORT) + " --out ";
        String script = "mount -t tmpfs -o ro,size=1m tmpfs " + quote(ro.toString()) + " || exit 99; "
                + "mount -t tmpfs -o size=256k tmpfs " + quote(full.toString()) + " || exit 99; "
                + caseload + run + quote(ro.resolve("x").toString()) + "; echo \"exit=$?\"; "
                + caseload + run + quote(full.resolve("x").toString()) + "; echo \"exit=$?\"; "
                + "ls -A " + quote(ro.toString()) + " " + quote(full.toString()) + " | grep -c . ; true";
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/unshare", "-m", "--propagation", "private", "sh", "-c", script));
        Outcome o = SafetySupport.runProcess(dir, cmd);
        assumeTrue(o.exit() == 0, "cannot mount here: " + o.err());
        List<String> errors = o.err().lines().filter(l -> l.startsWith("caseload: error:")).toList();
        assertEquals(2, errors.size(), o.err());
        assertTrue(errors.get(0).contains(ro.resolve("x").toString()) && errors.get(0).contains("Read-only file system"), errors.get(0));
        assertTrue(errors.get(1).contains(full.resolve("x").toString()) && errors.get(1).contains("No space left on device"),
                errors.get(1));
        List<String> lines = o.out().strip().lines().toList();
        assertEquals(List.of("exit=3", "exit=3"), lines.stream().filter(l -> l.startsWith("exit=")).toList(), o.out());
        assertEquals("2", lines.get(lines.size() - 1), "the file systems should hold only the two listing headers, "
                + "nothing half-written: " + o.out());
        assertTrue(!o.err().contains("\tat "), o.err());
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    @Test
    void outOfMemoryInAWorkerThreadGivesAdviceNotATrace(@TempDir Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(SafetySupport.javaCommand("-Xmx32m"));
        cmd.addAll(List.of("run", LEEDS.toString(), "--replications", "2", "--threads", "2", "--set", "horizon_months=2",
                "--set", "warmup_months=0", "--set", "initial_caseload.long_arm_prescribing=1000000", "--out",
                dir.resolve("out").toString()));
        Outcome o = SafetySupport.runProcess(dir, cmd);
        assertEquals(ExitCode.ENVIRONMENT, o.exit(), o.err());
        assertTrue(o.oneCleanLine(), o.err());
        assertTrue(o.err().contains("out of memory") && o.err().contains("-Xmx") && o.err().contains("--threads"), o.err());
        assertEquals(List.of(), names(dir), "nothing half-written");
    }

    @Command(name = "greedy")
    static final class Greedy implements java.util.concurrent.Callable<Integer> {
        private final Throwable thrown;

        Greedy(Throwable thrown) {
            this.thrown = thrown;
        }

        @Override
        public Integer call() throws Exception {
            if (thrown instanceof Error e) throw e;
            throw (Exception) thrown;
        }
    }

    /** The same line whether the error arrives bare (the command's thread) or wrapped (a worker's). */
    @Test
    void outOfMemoryBareOrWrappedIsOneLineExitThree() {
        for (Throwable t : List.of(new OutOfMemoryError("Java heap space"),
                new IllegalStateException("worker failed", new java.util.concurrent.ExecutionException(new OutOfMemoryError("Java heap space"))))) {
            java.io.StringWriter err = new java.io.StringWriter();
            CommandLine cl = new CommandLine(new Greedy(t));
            cl.setErr(new java.io.PrintWriter(err));
            cl.setExecutionExceptionHandler(new Errors());
            cl.setExecutionStrategy(Errors.catchingOutOfMemory(new CommandLine.RunLast()));
            assertEquals(ExitCode.ENVIRONMENT, cl.execute());
            assertTrue(new Outcome(3, "", err.toString()).oneCleanLine(), err.toString());
            assertTrue(err.toString().contains("-Xmx"), err.toString());
        }
    }

    @Test
    void aBugStillKeepsItsTrace() {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine cl = new CommandLine(new Greedy(new IllegalStateException("a bug")));
        cl.setErr(new java.io.PrintWriter(err));
        cl.setExecutionExceptionHandler(new Errors());
        assertEquals(ExitCode.INTERNAL, cl.execute());
        assertTrue(err.toString().contains("\tat "), err.toString());
    }
}
