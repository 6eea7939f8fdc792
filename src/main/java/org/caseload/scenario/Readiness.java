package org.caseload.scenario;

/** Segmentation by motivation: "likely to change and wants to change" versus not. */
public enum Readiness {
    LIKELY("likely"), UNLIKELY("unlikely");

    private final String key;

    Readiness(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
