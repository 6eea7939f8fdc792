package org.caseload.api;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.caseload.cli.Main;
import picocli.CommandLine;

/** Runs the real command line in this JVM, capturing its output (for tests of this package). */
final class Cli {
    record Outcome(int exit, String out, String err) {
    }

    private Cli() {
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
}
