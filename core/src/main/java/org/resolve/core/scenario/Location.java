package org.resolve.core.scenario;

/**
 * Where a value was written: a file name (as the user gave it) and a 1-based line and column.
 * A value given on the command line instead ({@code --set NAME=VALUE}) is located at the option
 * itself: its text stands in the place of the file, with line and column 0, and it prints alone.
 *
 * @param file the file's name or path as given, or a command-line option's text (beginning with {@code --})
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record Location(String file, int line, int column) implements java.io.Serializable {
    /** How the text of a command-line option begins. */
    public static final String OPTION_PREFIX = "--";

    /**
     * @param option a command-line option with its value, e.g. {@code --set regime_share=2}
     * @return the location of a value given there
     */
    public static Location option(String option) {
        if (!option.startsWith(OPTION_PREFIX)) {
            throw new IllegalArgumentException("not a command-line option: " + option);
        }
        return new Location(option, 0, 0);
    }

    /** @return {@code file:line:col}, or the option alone for a value given on the command line */
    @Override
    public String toString() {
        if (line == 0 && column == 0 && file.startsWith(OPTION_PREFIX)) {
            return file;
        }
        return file + ":" + line + ":" + column;
    }
}
