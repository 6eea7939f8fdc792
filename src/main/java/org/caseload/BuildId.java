package org.caseload;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which build of caseload this is: the SHA-256 of its own compiled classes and resources (every
 * file under {@code org/caseload/} in the jar, or in the classes folder when run from a build
 * tree), including the build's {@code pom.xml}, which the build copies there so that a changed
 * dependency counts too. The optional profiles' packages ({@code org/caseload/spark/},
 * {@code org/caseload/bench/}) are left out, so a Spark or JMH jar is the same build as the
 * plain one. Any change to the model (or to any other code) makes another identity; the same
 * jar has the same identity on every machine and whatever the thread count, and nothing in it
 * depends on the clock or the folder it was built in. Text resources are hashed with their
 * carriage returns removed, so a checkout with Windows line endings builds the same identity.
 *
 * <p>Batch records ({@link org.caseload.batch.BatchSpec}) carry it, so that a resume or a merge
 * never mixes results of two builds whose models may differ. It sits beside {@link Version},
 * outside the layers, so that any layer may read it. When the classes cannot be found (an unusual class
 * loader), the identity is {@link #UNKNOWN}, which matches nothing, not even itself.
 */
public final class BuildId {
    /** The identity when this build's classes cannot be read: never the same build as any record. */
    public static final String UNKNOWN = "unknown";
    private static final String ROOT = "org/caseload/";
    private static final List<String> LEFT_OUT = List.of(ROOT + "spark/", ROOT + "bench/");

    private BuildId() {
    }

    private static final class Holder {
        static final String CURRENT = compute();
    }

    /** This build's identity (64 hex digits), computed once, when first asked for. */
    public static String current() {
        return Holder.CURRENT;
    }

    /** Whether a record's {@code build} is this build's. */
    public static boolean isCurrent(String build) {
        return !UNKNOWN.equals(current()) && current().equals(build);
    }

    /** The first 12 hex digits, for messages. */
    public static String shortForm(String build) {
        return build.length() > 12 ? build.substring(0, 12) : build;
    }

    private static String compute() {
        try {
            CodeSource source = BuildId.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) return UNKNOWN;
            Path where = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(where)) return ofFolder(where);
            if (Files.isRegularFile(where)) return ofJar(where);
            return UNKNOWN;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    /** The identity of the classes under {@code root} (a folder holding {@code org/caseload/}). */
    static String ofFolder(Path root) throws IOException {
        Path top = root.resolve(ROOT);
        if (!Files.isDirectory(top)) return UNKNOWN;
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(top)) {
            files.filter(Files::isRegularFile).forEach(f -> names.add(root.relativize(f).toString().replace('\\', '/')));
        }
        Digest d = new Digest();
        for (String name : sorted(names)) {
            if (counted(name)) d.add(name, Files.readAllBytes(root.resolve(name)));
        }
        return d.hex();
    }

    /** The identity of the classes in the jar {@code jar}. */
    static String ofJar(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> names = new ArrayList<>();
            zip.stream().filter(e -> !e.isDirectory()).forEach(e -> names.add(e.getName()));
            Digest d = new Digest();
            for (String name : sorted(names)) {
                if (!counted(name)) continue;
                ZipEntry e = zip.getEntry(name);
                try (InputStream in = zip.getInputStream(e)) {
                    d.add(name, in.readAllBytes());
                }
            }
            return d.hex();
        }
    }

    private static List<String> sorted(List<String> names) {
        Collections.sort(names);
        return names;
    }

    private static boolean counted(String name) {
        return name.startsWith(ROOT) && LEFT_OUT.stream().noneMatch(name::startsWith);
    }

    /** SHA-256 over each file's name, length and content, in name order. */
    private static final class Digest {
        private final MessageDigest sha;

        Digest() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(String name, byte[] content) {
            byte[] bytes = name.endsWith(".class") ? content : withoutCarriageReturns(content);
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Long.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) 0);
            sha.update(bytes);
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }

        private static byte[] withoutCarriageReturns(byte[] b) {
            byte[] out = new byte[b.length];
            int n = 0;
            for (byte x : b) if (x != '\r') out[n++] = x;
            return n == b.length ? b : Arrays.copyOf(out, n);
        }
    }
}
