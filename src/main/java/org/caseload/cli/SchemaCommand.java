package org.caseload.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.caseload.fault.EnvironmentException;
import org.caseload.schema.ScenarioSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code caseload schema}: the JSON Schema of scenario files, for editors. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Write the JSON Schema (draft-07) of scenario files, so an editor can complete and check them "
                + "(e.g. VS Code's YAML extension; see the README).",
                "Files with 'extends' are checked as partial overrides. Calibration targets files "
                        + "(scenarios/targets/) are a different format and are not covered."})
final class SchemaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() {
        String json = ScenarioSchema.json();
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(json);
            out.flush();
            return 0;
        }
        Path abs = output.toAbsolutePath();
        refuseToReplaceAnythingButASchema(abs);
        Path temp = null;
        try {
            // Written beside the target and moved into place, so a failed write leaves no half-file.
            temp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".partial");
            Files.writeString(temp, json, StandardCharsets.UTF_8);
            Files.move(temp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserException("cannot write " + output + ": its folder does not exist");
        } catch (IOException e) {
            throw new EnvironmentException("cannot write " + output + ": " + e.getMessage(), e);
        } finally {
            try {
                if (temp != null) Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Best effort: the temporary file is hidden and named after the target.
            }
        }
        return 0;
    }

    /**
     * Like the results folders, an existing file is replaced only when caseload can tell it
     * wrote it (a schema titled "caseload scenario"), so {@code -o scenarios/leeds.yaml} cannot
     * destroy a scenario.
     */
    private static void refuseToReplaceAnythingButASchema(Path target) {
        if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        boolean ours = false;
        try {
            if (Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.size(target) < (1 << 22)) {
                ours = Files.readString(target, StandardCharsets.UTF_8).contains("\"title\" : \"caseload scenario\"");
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            ours = false;
        }
        if (!ours) {
            throw new UserException(target + " exists and is not a schema caseload wrote: it is left untouched; "
                    + "choose another --output or move it away");
        }
    }
}
