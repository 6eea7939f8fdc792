package org.caseload;

/** The tool's version, written into every manifest. */
public final class Version {
    public static final String VERSION = "0.1.0";

    private Version() {
    }
}
