package org.caseload.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Stream;
import org.caseload.fault.InputException;
import org.caseload.fault.Text;

/**
 * The one rule for where caseload may write: it replaces only a folder it can prove it
 * wrote (a {@code manifest.json} whose {@code tool} is {@code caseload}) or an empty one,
 * and never the working directory, the file-system root, the home folder, or any folder
 * holding an input file (or any of their ancestors), whatever the folder contains.
 * Everything refused is a user mistake (exit 2) and touches nothing.
 */
final class OutputRules {
    /** The marker every manifest since the first version carries. */
    static final String TOOL = "caseload";

    /** What is at the target now, and so what committing will do. */
    enum State {
        /** Nothing there: the results folder will be created. */
        ABSENT,
        /** An empty folder: it will be replaced. */
        EMPTY,
        /** caseload's own earlier results: they will be replaced, and the user told. */
        EARLIER_RESULTS
    }

    private OutputRules() {
    }

    /**
     * @param given  the output folder as the user wrote it
     * @param inputs scenario and other input files of the command (their folders are protected)
     * @throws InputException if caseload may not write there
     */
    static State check(Path given, Collection<Path> inputs) {
        if (given.toString().isEmpty()) {
            throw new InputException("--out is empty: give a folder for the results, e.g. --out results/leeds");
        }
        String shown = "output folder '" + Text.oneLine(given.toString()) + "'";
        Path target = canonical(given);
        if (target.getParent() == null) {
            throw refused(shown + " is the root of the file system");
        }
        Path cwd = canonical(Path.of(""));
        if (cwd.startsWith(target)) {
            throw refused(shown + (cwd.equals(target) ? " is the working directory" : " contains the working directory"));
        }
        String home = System.getProperty("user.home");
        if (home != null && !home.isEmpty() && canonical(Path.of(home)).startsWith(target)) {
            throw refused(shown + (canonical(Path.of(home)).equals(target) ? " is the home folder" : " contains the home folder"));
        }
        for (Path input : inputs) {
            if (canonical(input).startsWith(target)) {
                throw refused(shown + " holds the input file " + Text.oneLine(input.toString()));
            }
        }
        Path abs = given.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(abs)) {
            throw refused(shown + " is a symbolic link; give the folder it points to, or another name");
        }
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) return State.ABSENT;
        if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(shown + " is a file, not a folder; caseload will not replace it: choose another --out");
        }
        if (isEmpty(abs)) return State.EMPTY;
        if (isCaseloadResults(abs)) return State.EARLIER_RESULTS;
        throw new InputException(shown + " already exists and is not a caseload results folder (it has no manifest.json "
                + "written by caseload); caseload replaces only its own results or an empty folder: choose another --out, "
                + "or move the folder away yourself");
    }

    private static InputException refused(String what) {
        return new InputException(what + "; caseload never writes its results over it: choose a new folder, "
                + "e.g. --out results/NAME");
    }

    /** A folder with a {@code manifest.json} naming caseload as its tool. */
    static boolean isCaseloadResults(Path dir) {
        Path manifest = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) return false;
        try {
            JsonNode root = new ObjectMapper().readTree(manifest.toFile());
            return root != null && root.isObject() && TOOL.equals(root.path("tool").asText(null));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The absolute path with symbolic links resolved as far as it exists, so that a link or
     * {@code ..} cannot disguise the working directory or a scenario folder.
     */
    static Path canonical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }
}
