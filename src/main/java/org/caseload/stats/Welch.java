package org.caseload.stats;

/** Welch's graphical method for choosing a warm-up: a centred moving average of the mean series. */
public final class Welch {
    private Welch() {
    }

    /** Welch's centred moving average with half-window {@code w}, the window shrinking near either end. */
    public static double[] movingAverage(double[] x, int w) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int h = Math.min(w, Math.min(i, x.length - 1 - i));
            double sum = 0;
            for (int j = i - h; j <= i + h; j++) sum += x[j];
            out[i] = sum / (2 * h + 1);
        }
        return out;
    }
}
