package org.caseload.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example in docs/api.md compiles, runs, and writes what the command line writes for the same batch. */
class ApiExampleTest {
    static String javaBlock() throws IOException {
        String md = Files.readString(Path.of("docs/api.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(md);
        assertTrue(m.find(), "docs/api.md has no java block");
        return m.group(1);
    }

    @Test
    void exampleCompilesRunsAndMatchesTheCommandLine(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src/ApiExample.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, javaBlock());
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, "-classpath", cp, "-d", classes.toString(), src.toString());
        assertEquals(0, rc, "docs/api.md example does not compile:\n" + diagnostics);

        Path apiOut = dir.resolve("api");
        PrintStream saved = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            loader.loadClass("ApiExample").getMethod("main", String[].class).invoke(null, (Object) new String[]{apiOut.toString()});
        } finally {
            System.setOut(saved);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        Matcher fte = Pattern.compile("keyworker FTE after the cut: ([0-9.]+) \\(95% CI ([0-9.]+) to ([0-9.]+), 5 replications\\)")
                .matcher(text);
        assertTrue(fte.find(), text);
        assertTrue(Double.parseDouble(fte.group(2)) <= Double.parseDouble(fte.group(1))
                && Double.parseDouble(fte.group(1)) <= Double.parseDouble(fte.group(3)), text);
        assertTrue(text.contains("successful completions a year: -"), "a 10% cut should lower completions: " + text);

        Path cliOut = dir.resolve("cli");
        Cli.Outcome o = Cli.execute("compare", "scenarios/leeds.yaml", "scenarios/leeds-cut-10.yaml",
                "--set", "horizon_months=24", "--set", "warmup_months=24", "--replications", "5", "--seed", "3",
                "--threads", "1", "--out", cliOut.toString());
        assertEquals(0, o.exit(), o.err());
        for (String f : List.of("comparison.csv", "replications.csv", "summary.csv", "monthly.csv", "report.html",
                "charts/differences.png", "charts/in_treatment.svg")) {
            assertEquals(-1, Files.mismatch(apiOut.resolve(f), cliOut.resolve(f)), f + ": API and command line differ");
        }
        String row = Files.readAllLines(apiOut.resolve("summary.csv")).stream()
                .filter(l -> l.startsWith("leeds-cut-10,keyworker_fte_mean,")).findFirst().orElseThrow();
        // scenario,metric,unit,mean,...
        assertEquals(Double.parseDouble(row.split(",")[3]), Double.parseDouble(fte.group(1)), 0.051, row);
    }
}
