package org.caseload.scenario;

/**
 * Where a value came from: a file position, or the command line ({@code --set}).
 *
 * @param file   the path as the user gave it
 * @param line   1-based line (0 for the command line)
 * @param column 1-based column (0 for the command line)
 */
public record Source(String file, int line, int column) {
    public static final Source COMMAND_LINE = new Source("--set", 0, 0);

    @Override
    public String toString() {
        return line <= 0 ? file : file + ":" + line + ":" + column;
    }
}
