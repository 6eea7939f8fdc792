package org.caseload.scenario;

/**
 * Where a value came from: a file position, or the command line ({@code --set}).
 *
 * @param file   the path as the user gave it
 * @param line   1-based line (0 for the command line or the file as a whole)
 * @param column 1-based column (0 for the command line or the file as a whole)
 */
public record Source(String file, int line, int column) {
    public static final Source COMMAND_LINE = new Source("--set", 0, 0);

    /** {@code file:line:column}; a newline or control character in the file name is escaped, keeping messages on one line. */
    @Override
    public String toString() {
        String shown = org.caseload.fault.Text.oneLine(file);
        return line <= 0 ? shown : shown + ":" + line + ":" + column;
    }
}
