package org.caseload.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Another process holding an exclusive lock on a file, taken with fcntl as Java takes it: what a
 * second caseload writing into the same folder looks like to the one under test. Needs
 * {@code /usr/bin/python3} (tests assume it first).
 */
public final class LockHolder implements AutoCloseable {
    private final Process process;

    private LockHolder(Process process) {
        this.process = process;
    }

    /** Starts a process that locks {@code file} (which must exist) and returns once it holds the lock. */
    public static LockHolder hold(Path file) throws IOException {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c",
                "import fcntl,sys,time\nf=open(sys.argv[1],'r+')\nfcntl.lockf(f,fcntl.LOCK_EX)\nprint('locked',flush=True)\ntime.sleep(120)",
                file.toString()).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        if (!"locked".equals(line)) {
            p.destroyForcibly();
            throw new IOException("the lock holder did not start: " + line);
        }
        return new LockHolder(p);
    }

    /** Ends the process, and with it the lock. */
    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
