package org.caseload.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine;

/** Running caseload in-process or as a separate process, and fingerprints of folders to prove nothing changed. */
final class SafetySupport {
    static final Path LEEDS = Path.of("scenarios/leeds.yaml").toAbsolutePath();
    /** Overrides that make a Leeds run take about a second. */
    static final String[] SHORT = {"--replications", "2", "--threads", "1", "--set", "horizon_months=2", "--set", "warmup_months=0"};

    private SafetySupport() {
    }

    record Outcome(int exit, String out, String err) {
        /** One line on stderr, no stack trace. */
        boolean oneCleanLine() {
            String e = err.strip();
            return e.lines().count() == 1 && !e.contains("Exception") && !e.contains("\tat ");
        }
    }

    static Outcome execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** A command (its name and arguments first) with {@link #SHORT} appended. */
    static Outcome shortly(String... commandAndArgs) {
        return execute(concat(commandAndArgs, SHORT));
    }

    static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    /** The java command for a separate caseload process on this test's class path. */
    static List<String> javaCommand(String... jvmOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(jvmOptions));
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        return cmd;
    }

    static Process start(Path workingDir, List<String> command, Path stdout, Path stderr) throws IOException {
        return new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    }

    /** Runs a separate caseload process to completion (at most 120 s). */
    static Outcome runProcess(Path workingDir, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("caseload-out", ".txt");
        Path err = Files.createTempFile("caseload-err", ".txt");
        try {
            Process p = start(workingDir, command, out, err);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("caseload did not finish within 120 s: " + command);
            }
            return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Every file and folder under {@code root} (relative path → SHA-256 of its bytes, or "dir"). */
    static Map<String, String> fingerprint(Path root) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String key = root.relativize(p).toString();
                all.put(key, Files.isDirectory(p) ? "dir" : sha256(Files.readAllBytes(p)));
            }
        }
        return all;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
