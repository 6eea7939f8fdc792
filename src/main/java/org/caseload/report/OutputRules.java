package org.caseload.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.caseload.fault.EnvironmentException;
import org.caseload.fault.FileFaults;
import org.caseload.fault.InputException;
import org.caseload.fault.Text;

/**
 * The one rule for where caseload may write: it replaces only a folder it can prove it
 * wrote, or an empty one, and never the working directory, the file-system root, the home
 * folder, or any folder holding an input file (or any of their ancestors), whatever the
 * folder contains. Everything refused is a user mistake (exit 2) and touches nothing (a folder
 * that cannot be read through is the machine's refusal, exit 3).
 *
 * <p>A folder caseload wrote has a {@code manifest.json} whose {@code tool} is {@code caseload}
 * and whose {@code files} lists everything it put there ({@link Manifest#recordFiles}); a folder
 * holding anything else (notes added since, a copied manifest beside other work) is refused,
 * naming the first such file. A manifest written before the list existed proves less: such a
 * folder is replaced only if every entry is one caseload has ever written ({@link #LEGACY}: its
 * top-level files, {@code charts/*.png|svg} and {@code events/*.csv.gz}).
 */
final class OutputRules {
    /** The marker every manifest since the first version carries. */
    static final String TOOL = "caseload";
    static final String MANIFEST = "manifest.json";
    /** The manifest's list of what caseload wrote into the folder: files, and folders ending in '/'. */
    static final String FILES = "files";
    /** Every top-level file of a results folder (any command's, a shard's, serve's) before the list existed. */
    private static final Set<String> LEGACY = Set.of(MANIFEST, "replications.csv", "replications.csv.gz", "summary.csv",
            "monthly.csv", "comparison.csv", "report.html", "report.xlsx", "warmup.csv", "welch.csv", "calibration.csv",
            "calibrated.yaml", "parameters.csv", "psa.csv", "psa_summary.csv", "psa_differences.csv", "sweep.csv",
            "tornado.csv", "morris.csv", "sobol.csv", "journal.tsv", "scenario.yaml", "charts/", "events/");
    private static final Pattern LEGACY_NESTED = Pattern.compile("charts/[^/]+\\.(png|svg)|events/[^/]+\\.csv\\.gz");
    private static final long MAX_MANIFEST_BYTES = 64L << 20;

    /** What is at the target now, and so what committing will do. */
    enum State {
        /** Nothing there: the results folder will be created. */
        ABSENT,
        /** An empty folder: it will be replaced. */
        EMPTY,
        /** caseload's own earlier results, and nothing else: they will be replaced, and the user told. */
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
        JsonNode manifest = caseloadManifest(abs);
        if (manifest == null) {
            throw new InputException(shown + " already exists and is not a caseload results folder (it has no manifest.json "
                    + "written by caseload); caseload replaces only its own results or an empty folder: choose another --out, "
                    + "or move the folder away yourself");
        }
        String foreign;
        try {
            foreign = firstForeign(abs, manifest);
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            throw new EnvironmentException("cannot read all of the " + shown + " to check that caseload wrote everything in it: "
                    + FileFaults.reason(cause), cause);
        }
        if (foreign != null) {
            throw new InputException(shown + " holds " + Text.oneLine(foreign) + ", which caseload did not write; move it "
                    + "away or choose another --out");
        }
        return State.EARLIER_RESULTS;
    }

    /**
     * Whether {@code dir} holds caseload's results and nothing else, as {@link State#EARLIER_RESULTS}
     * found; for reading a folder again once it is moved aside to be replaced.
     */
    static boolean onlyCaseloadResults(Path dir) {
        JsonNode manifest = caseloadManifest(dir);
        if (manifest == null) return false;
        try {
            return firstForeign(dir, manifest) == null;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /**
     * The first entry of the folder (in {@link #listing} order) that caseload did not write: not in
     * the manifest's list, or, for a manifest without one, not among {@link #LEGACY}. Null if none.
     */
    static String firstForeign(Path dir, JsonNode manifest) throws IOException {
        JsonNode files = manifest.get(FILES);
        Set<String> own = null;
        if (files != null) {
            own = new HashSet<>();
            if (!files.isArray()) return MANIFEST; // not a list caseload wrote
            for (JsonNode f : files) {
                if (!f.isTextual()) return MANIFEST;
                own.add(f.asText());
            }
        }
        for (String entry : listing(dir)) {
            boolean ours = own != null ? own.contains(entry) : LEGACY.contains(entry) || LEGACY_NESTED.matcher(entry).matches();
            if (!ours) return entry;
        }
        return null;
    }

    /**
     * Everything in a folder, as paths relative to it with '/' between names, folders ending in
     * '/', sorted; symbolic links are entries, never followed.
     */
    static List<String> listing(Path dir) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (p.equals(dir)) continue;
                StringBuilder rel = new StringBuilder();
                for (Path name : dir.relativize(p)) rel.append(rel.length() == 0 ? "" : "/").append(name);
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) rel.append('/');
                all.add(rel.toString());
            }
        }
        Collections.sort(all);
        return all;
    }

    private static InputException refused(String what) {
        return new InputException(what + "; caseload never writes its results over it: choose a new folder, "
                + "e.g. --out results/NAME");
    }

    /** The folder's {@code manifest.json} if it names caseload as its tool, else null. */
    static JsonNode caseloadManifest(Path dir) {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) return null;
        try {
            // caseload's manifests are kilobytes; a huge file of that name is not one of them.
            if (Files.size(manifest) > MAX_MANIFEST_BYTES) return null;
            JsonNode root = new ObjectMapper().readTree(manifest.toFile());
            return root != null && root.isObject() && TOOL.equals(root.path("tool").asText(null)) ? root : null;
        } catch (IOException | RuntimeException e) {
            return null;
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
