package org.caseload.hostile;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.caseload.cli.Main;
import picocli.CommandLine;

/**
 * Runs the command line of a case, either in this JVM (fast; only for cases that cannot hang
 * or exhaust memory) or in a child JVM that is killed when its time is up.
 */
final class CaseRunner {
    /** What a run did. {@code exit} is null when it did not finish in time or threw out of picocli. */
    record Outcome(Integer exit, String out, String err, String failure, double seconds) {
    }

    private CaseRunner() {
    }

    /**
     * In-process, on a worker thread so that a hang is detected. A thread that does not finish
     * cannot be killed: the caller fails the case and names it (it should have been a child case).
     */
    static Outcome inProcess(List<String> args, int timeoutSeconds) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hostile-case");
            t.setDaemon(true);
            return t;
        });
        long t0 = System.nanoTime();
        try {
            Future<Integer> f = worker.submit(() -> {
                CommandLine cl = Main.commandLine();
                cl.setOut(new PrintWriter(out, true));
                cl.setErr(new PrintWriter(err, true));
                return cl.execute(args.toArray(String[]::new));
            });
            Integer code = f.get(timeoutSeconds, TimeUnit.SECONDS);
            return new Outcome(code, out.toString(), err.toString(), null, seconds(t0));
        } catch (TimeoutException e) {
            return new Outcome(null, out.toString(), err.toString(), "did not finish within " + timeoutSeconds
                    + " s (a hang; its thread is still running)", seconds(t0));
        } catch (ExecutionException e) {
            StringWriter trace = new StringWriter();
            e.getCause().printStackTrace(new PrintWriter(trace));
            return new Outcome(null, out.toString(), err.toString() + trace, "threw out of the command line: " + e.getCause(), seconds(t0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, out.toString(), err.toString(), "interrupted", seconds(t0));
        } finally {
            worker.shutdownNow();
        }
    }

    /**
     * In a child JVM with the sandbox as working directory and as HOME, so that relative and
     * home-folder output paths point into the sandbox. Killed (with its children) on timeout.
     *
     * @param interruptWhen if not null, the child is sent SIGTERM (as Ctrl-C would end it) as soon
     *                      as this becomes true, polled every 20 ms
     */
    static Outcome child(Path cwd, Path home, Path logs, List<String> args, int timeoutSeconds,
                         Supplier<Boolean> interruptWhen) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a small heap makes a runaway allocation fail fast instead of after a long silence
        cmd.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Djava.awt.headless=true", "-Duser.home=" + home, "-cp", testClassPath(), Main.class.getName()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().put("HOME", home.toString());
        Files.createDirectories(logs);
        Path out = logs.resolve("stdout.txt");
        Path err = logs.resolve("stderr.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        long t0 = System.nanoTime();
        Process p = pb.start();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        boolean interrupted = false;
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (!interrupted && interruptWhen != null && interruptWhen.get()) {
                p.destroy();
                interrupted = true;
            }
            p.waitFor(20, TimeUnit.MILLISECONDS);
        }
        if (p.isAlive()) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            return new Outcome(null, Sandbox.read(out), Sandbox.read(err),
                    "did not finish within " + timeoutSeconds + " s (killed)", seconds(t0));
        }
        String failure = interruptWhen != null && !interrupted ? "finished before it could be interrupted" : null;
        return new Outcome(p.exitValue(), Sandbox.read(out), Sandbox.read(err), failure, seconds(t0));
    }

    /** Surefire may hide the class path in a manifest-only jar; its own property has the real one. */
    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
