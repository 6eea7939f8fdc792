package org.caseload.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder a case runs in (the working directory of a child run): {@code keep.txt}, the
 * corpus scenarios with the frozen fixture they extend in {@code scenarios/}, a fake home
 * folder and an {@code out/} folder holding an earlier file. It lives one level below a
 * private root, so that even {@code --out ..} stays inside what the test owns and watches.
 */
final class Sandbox {
    static final Path CORPUS_SCENARIOS = Path.of("src/test/resources/hostile/scenarios");
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/base.yaml");
    /** A file-name component longer than any file system allows (255 bytes on Linux, macOS, Windows). */
    static final String LONG_NAME = "x".repeat(300);

    final Path root;
    final Path dir;

    Sandbox(Path root) throws IOException {
        this.root = root;
        this.dir = root.resolve("sandbox");
        Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(dir.resolve("keep.txt"), "the user's own file\n");
        Files.createDirectories(dir.resolve("home"));
        Files.writeString(dir.resolve("home/.profile"), "# the user's home folder\n");
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/earlier.txt"), "an earlier file beside the output folder\n");
        try (Stream<Path> files = Files.list(CORPUS_SCENARIOS)) {
            for (Path f : files.toList()) Files.copy(f, dir.resolve("scenarios").resolve(f.getFileName().toString()));
        }
        Files.copy(FIXTURE, dir.resolve("scenarios/base.yaml"));
    }

    /** Replaces {dir}, {long} and {env:NAME} in an argument, path or expected message. */
    String expand(String s) {
        String out = s.replace("{dir}", dir.toString()).replace("{long}", LONG_NAME);
        Matcher m = Pattern.compile("\\{env:([A-Za-z_][A-Za-z0-9_]*)}").matcher(out);
        StringBuilder b = new StringBuilder();
        while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(String.valueOf(System.getenv(m.group(1)))));
        m.appendTail(b);
        return b.toString();
    }

    /** A regular expression from the index, with {dir} matching the sandbox path literally. */
    Pattern pattern(String regex) {
        return Pattern.compile(expand(regex.replace("{dir}", "\\Q" + dir + "\\E")), Pattern.MULTILINE);
    }

    Path resolve(String relative) {
        return dir.resolve(expand(relative));
    }

    /** Applies one setup step of the index: a map with a single key naming the step. */
    @SuppressWarnings("unchecked")
    void setup(Map<String, Object> step) throws IOException {
        if (step.size() != 1) throw new IllegalStateException("a setup step has exactly one key: " + step);
        Map.Entry<String, Object> e = step.entrySet().iterator().next();
        Object v = e.getValue();
        Map<String, Object> a = v instanceof Map<?, ?> ? (Map<String, Object>) v : Map.of();
        switch (e.getKey()) {
            case "mkdir" -> Files.createDirectories(resolve((String) v));
            case "write" -> {
                Path p = resolve((String) a.get("path"));
                Files.createDirectories(p.getParent());
                Charset cs = Charset.forName((String) a.getOrDefault("charset", "UTF-8"));
                Files.write(p, ((String) a.get("text")).getBytes(cs));
            }
            case "copy" -> Files.copy(resolve((String) a.get("from")), resolve((String) a.get("to")));
            case "chmod" -> Files.setPosixFilePermissions(resolve((String) a.get("path")),
                    PosixFilePermissions.fromString((String) a.get("mode")));
            case "extends_chain" -> {
                // file 0 extends file 1 ... extends the last, which extends `parent`
                int depth = (Integer) a.get("depth");
                String prefix = (String) a.get("prefix");
                for (int i = 0; i < depth; i++) {
                    String parent = i == depth - 1 ? (String) a.get("parent") : prefix + (i + 1) + ".yaml";
                    Files.writeString(resolve("scenarios/" + prefix + i + ".yaml"), "extends: " + parent + "\n");
                }
            }
            case "deep_yaml" -> {
                int depth = (Integer) a.get("depth");
                Files.writeString(resolve((String) a.get("path")), "extends: short.yaml\nnotes: "
                        + "[".repeat(depth) + "]".repeat(depth) + "\n");
            }
            case "big_yaml" -> {
                // a valid scenario followed by a huge comment block
                Path p = resolve((String) a.get("path"));
                String line = "# " + "padding ".repeat(12) + "\n";
                long bytes = ((Integer) a.get("megabytes")) * 1_000_000L;
                StringBuilder b = new StringBuilder("extends: short.yaml\n");
                while (b.length() < bytes) b.append(line);
                Files.writeString(p, b);
            }
            default -> throw new IllegalStateException("unknown setup step '" + e.getKey() + "'");
        }
    }

    /** Every file and folder under the root with a hash of each file's bytes (links are not followed). */
    Map<String, String> snapshot() throws IOException {
        return hashes(root, dir);
    }

    /** Every file and folder under {@code top}, named relative to {@code base}, with a hash of each file. */
    static Map<String, String> hashes(Path top, Path base) throws IOException {
        Map<String, String> out = new TreeMap<>();
        Path root = top;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                if (!d.equals(root)) out.put(name(d), "<folder>");
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                out.put(name(f), attrs.isRegularFile() ? sha256(f) : "<" + (attrs.isSymbolicLink() ? "link" : "other") + ">");
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
                out.put(name(f), "<unreadable: " + e.getClass().getSimpleName() + ">");
                return FileVisitResult.CONTINUE;
            }

            /** Relative to the base ("../x" for entries of the sandbox's private root). */
            private String name(Path p) {
                return base.relativize(p).toString();
            }
        });
        return out;
    }


    private static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Undoes permission changes so that JUnit can delete the temporary folder. */
    void restorePermissions() {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: a folder we cannot reset is reported by JUnit's clean-up
        }
    }

    static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(String s) {
        return s.lines().filter(l -> !l.isBlank()).toList();
    }
}
