package org.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build identity follows caseload's own classes and nothing else: not the folder, the jar, line endings or the optional profiles. */
class BuildIdTest {
    @TempDir
    Path dir;

    private Path tree(String name, String model, String resource) throws IOException {
        Path root = dir.resolve(name);
        write(root.resolve("org/caseload/model/Model.class"), model);
        write(root.resolve("org/caseload/pom.xml"), resource);
        write(root.resolve("com/other/Dependency.class"), "not caseload's");
        return root;
    }

    private static void write(Path f, String text) throws IOException {
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    /** The tree as a jar, its entries in reverse order. */
    private Path jar(Path root, List<String> names) throws IOException {
        Path jar = dir.resolve(root.getFileName() + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            List<String> reversed = new ArrayList<>(names);
            Collections.reverse(reversed);
            for (String n : reversed) {
                zip.putNextEntry(new ZipEntry(n));
                zip.write(Files.readAllBytes(root.resolve(n)));
                zip.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void theSameClassesAreTheSameBuildWhereverTheyAre() throws IOException {
        Path a = tree("a", "model 1", "<version>1</version>\n");
        String id = BuildId.ofFolder(a);
        assertEquals(64, id.length());
        assertEquals(id, BuildId.ofFolder(tree("b", "model 1", "<version>1</version>\r\n")), "another folder, Windows line endings");
        assertEquals(id, BuildId.ofJar(jar(a, List.of("org/caseload/model/Model.class", "org/caseload/pom.xml", "com/other/Dependency.class"))),
                "the same files in a jar, in another order");
        write(a.resolve("com/other/Dependency.class"), "changed");
        write(a.resolve("org/caseload/spark/SparkRunner.class"), "only with -Pspark");
        write(a.resolve("org/caseload/bench/Bench.class"), "only with -Pjmh");
        assertEquals(id, BuildId.ofFolder(a), "dependencies' classes and the optional profiles' packages are not counted");
    }

    @Test
    void anyChangeToCaseloadsOwnFilesIsAnotherBuild() throws IOException {
        String id = BuildId.ofFolder(tree("a", "model 1", "<version>1</version>\n"));
        assertNotEquals(id, BuildId.ofFolder(tree("b", "model 2", "<version>1</version>\n")), "a changed class");
        assertNotEquals(id, BuildId.ofFolder(tree("c", "model 1", "<version>2</version>\n")), "a changed dependency in the pom");
        Path added = tree("d", "model 1", "<version>1</version>\n");
        write(added.resolve("org/caseload/model/New.class"), "");
        assertNotEquals(id, BuildId.ofFolder(added), "an added class, even empty");
        assertNotEquals(BuildId.ofFolder(tree("e", "ab", "c")), BuildId.ofFolder(tree("f", "a", "bc")), "content does not run into the next file");
    }

    @Test
    void thisBuildHasAnIdentityAndOnlyItIsCurrent() {
        String id = BuildId.current();
        assertEquals(64, id.length(), id);
        assertTrue(BuildId.isCurrent(id));
        assertFalse(BuildId.isCurrent(""));
        assertFalse(BuildId.isCurrent(BuildId.UNKNOWN));
        assertEquals(id.substring(0, 12), BuildId.shortForm(id));
    }
}
