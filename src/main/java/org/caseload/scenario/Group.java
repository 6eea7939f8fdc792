package org.caseload.scenario;

/** Substance group of a client, as in the national treatment monitoring categories. */
public enum Group {
    OPIATE("opiate"),
    NON_OPIATE("non_opiate"),
    NON_OPIATE_AND_ALCOHOL("non_opiate_and_alcohol"),
    ALCOHOL("alcohol");

    private final String key;

    Group(String key) {
        this.key = key;
    }

    /** The name used in scenario files and outputs. */
    public String key() {
        return key;
    }
}
