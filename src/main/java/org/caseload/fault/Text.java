package org.caseload.fault;

/**
 * Messages for a person are one line. A file name may hold a newline or a terminal control
 * character (both are legal on Unix); printed raw, it would split the message or drive the
 * terminal. Such characters are written as escapes instead ({@code \n}, {@code \u001b}).
 */
public final class Text {
    private Text() {
    }

    /**
     * {@code s} as a message quotes it: whole up to {@code max} characters, else its first
     * {@code keep} and its length, so a long value (a whole file read as one) stays one short line.
     */
    public static String excerpt(String s, int max, int keep) {
        return s.length() <= max ? s : s.substring(0, keep) + "... (" + s.length() + " characters)";
    }

    /** {@code s} with every control or line-separator character escaped; ordinary text is unchanged. */
    public static String oneLine(String s) {
        if (s == null) return "null";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (!control) {
                if (b != null) b.append(c);
                continue;
            }
            if (b == null) b = new StringBuilder(s.length() + 8).append(s, 0, i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b == null ? s : b.toString();
    }
}
