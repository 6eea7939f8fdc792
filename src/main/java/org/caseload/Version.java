package org.caseload;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The tool's version, written into every manifest. It comes from the build (the pom's
 * version, filtered into {@code org/caseload/version.properties}) so that a release needs one
 * edit; run from unfiltered classes (an IDE without Maven) it says so rather than guessing.
 */
public final class Version {
    public static final String VERSION = load();

    private Version() {
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown").trim();
            // An unfiltered copy still holds the placeholder itself.
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
