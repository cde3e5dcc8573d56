package org.resolve.core.observation;

import java.util.ArrayList;
import java.util.List;
import org.resolve.core.scenario.Location;
import org.resolve.core.scenario.Problem;

/**
 * A small RFC 4180 reader that keeps the line and column of every field: fields are separated by
 * commas; a field may be quoted with {@code "}, and then may contain commas, line breaks and
 * doubled quotes ({@code ""}). Unquoted fields are stripped of surrounding blanks (their column is
 * that of the first non-blank character). Blank lines are skipped. Line ends may be LF, CRLF or CR;
 * a leading byte-order mark is ignored.
 *
 * <p>Why not a library: the only one the project would need it for is this file, and Commons CSV
 * reports a record's line but not each field's column.
 */
final class Csv {
    /** A field's text and where it starts. */
    record Field(String text, Location location) {
    }

    /** A record: its fields, in order, and the line it starts on. */
    record Row(int line, List<Field> fields, Location end) {
    }

    private final String file;
    private final String text;
    private final List<Problem> problems;
    private int pos;
    private int line = 1;
    private int col = 1;

    private Csv(String file, String text, List<Problem> problems) {
        this.file = file;
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        this.problems = problems;
    }

    /**
     * @param file the file's name as the user gave it
     * @param text its contents
     * @param problems where malformed quoting is reported
     * @return its records; a record with an unterminated quote ends the file
     */
    static List<Row> read(String file, String text, List<Problem> problems) {
        return new Csv(file, text, problems).rows();
    }

    private Location here() {
        return new Location(file, line, col);
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private boolean atLineEnd() {
        char c = text.charAt(pos);
        return c == '\n' || c == '\r';
    }

    /** Consumes one character, counting lines (CRLF is one line end). */
    private char next() {
        char c = text.charAt(pos++);
        if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
        }
        if (c == '\r' || c == '\n') {
            line++;
            col = 1;
            return '\n';
        }
        col++;
        return c;
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        while (!atEnd()) {
            if (atLineEnd()) {
                next();
                continue;
            }
            int startLine = line;
            List<Field> fields = new ArrayList<>();
            while (true) {
                Field f = field();
                if (f == null) {
                    return rows;
                }
                fields.add(f);
                if (atEnd()) {
                    rows.add(new Row(startLine, fields, here()));
                    return rows;
                }
                Location end = here();
                char c = next();
                if (c == '\n') {
                    rows.add(new Row(startLine, fields, end));
                    break;
                }
                // c == ','
            }
        }
        return rows;
    }

    /** Reads one field, leaving the position on the separator; null after an unterminated quote. */
    private Field field() {
        while (!atEnd() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            next();
        }
        Location start = here();
        if (!atEnd() && text.charAt(pos) == '"') {
            next();
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    problems.add(new Problem(start, "quoting", "quote opened here is never closed",
                            "a closing \" (write a quote inside a quoted field as \"\")"));
                    return null;
                }
                char c = next();
                if (c == '"') {
                    if (!atEnd() && text.charAt(pos) == '"') {
                        next();
                        sb.append('"');
                    } else {
                        break;
                    }
                } else {
                    sb.append(c);
                }
            }
            while (!atEnd() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                next();
            }
            if (!atEnd() && text.charAt(pos) != ',' && !atLineEnd()) {
                problems.add(new Problem(here(), "quoting", "text after the closing quote",
                        "a comma or the end of the line after a quoted field (write a quote inside it as \"\")"));
                while (!atEnd() && text.charAt(pos) != ',' && !atLineEnd()) {
                    sb.append(next());
                }
            }
            return new Field(sb.toString(), start);
        }
        int from = pos;
        while (!atEnd() && text.charAt(pos) != ',' && !atLineEnd()) {
            next();
        }
        return new Field(text.substring(from, pos).strip(), start);
    }
}
