package org.caseload.report;

import java.util.regex.Pattern;

/** Arguments written so a POSIX shell reads them back as they were (for reproducing commands). */
public final class ShellWords {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./=:,+@%-]+");

    private ShellWords() {
    }

    /** The argument as is when it needs no quoting, else in single quotes. */
    public static String quote(String a) {
        if (!a.isEmpty() && PLAIN.matcher(a).matches()) return a;
        return "'" + a.replace("'", "'\\''") + "'";
    }
}
