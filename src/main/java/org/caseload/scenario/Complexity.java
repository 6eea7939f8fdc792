package org.caseload.scenario;

/** Complexity of need assessed at entry; its completion odds (effects, 1 unless set) weight the chance of completing. */
public enum Complexity {
    LOW("low"), MEDIUM("medium"), HIGH("high"), VERY_HIGH("very_high");

    private final String key;

    Complexity(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
