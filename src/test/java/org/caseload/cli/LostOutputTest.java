package org.caseload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A command that succeeded but could not write what it printed (full disk, closed pipe) exits 3,
 * not 0; and out of memory on a thread of the JDK's adds no trace to the command's one line.
 */
class LostOutputTest {
    @Test
    void outOfMemoryOnAnotherThreadPrintsNothingButABugKeepsItsTrace() {
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(seen, true));
        try {
            Main.uncaught(new Thread("Java2D Disposer"), new OutOfMemoryError("Java heap space"));
            assertEquals("", seen.toString());
            Main.uncaught(new Thread("worker"), new IllegalStateException("a bug"));
            assertTrue(seen.toString().startsWith("Exception in thread \"worker\" java.lang.IllegalStateException: a bug"),
                    seen.toString());
            assertTrue(seen.toString().contains("\tat "), "a bug keeps its trace");
        } finally {
            System.setErr(before);
        }
    }

    @Test
    void aFailedWriteToStandardOutputIsAnEnvironmentFault() {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        }));
        int code = cl.execute("schema");
        assertEquals(0, code, "the command itself succeeded");
        assertEquals(3, Main.outputLost(cl, code));
        assertTrue(err.toString().startsWith("caseload: error: cannot write to standard output"), err.toString());
        assertEquals(1, err.toString().lines().count(), "one line");

        CommandLine fine = Main.commandLine();
        fine.setOut(new PrintWriter(new StringWriter()));
        assertEquals(0, Main.outputLost(fine, fine.execute("schema")));
        assertEquals(2, Main.outputLost(cl, 2), "a failure keeps its own code");
    }
}
