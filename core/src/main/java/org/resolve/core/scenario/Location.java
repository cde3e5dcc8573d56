package org.resolve.core.scenario;

/**
 * Where a value was written: a file name (as the user gave it) and a 1-based line and column.
 *
 * @param file the file's name or path as given
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record Location(String file, int line, int column) implements java.io.Serializable {

    /** @return {@code file:line:col} */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
