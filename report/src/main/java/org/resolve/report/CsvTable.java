package org.resolve.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of text cells with a header, as a command wrote it to CSV or to the results store. The
 * report reads the cells it needs by column name and shows them escaped.
 *
 * @param header the column names
 * @param rows the rows, each as long as the header
 */
public record CsvTable(List<String> header, List<List<String>> rows) {
    /** Copies the lists and checks the shape. */
    public CsvTable {
        header = List.copyOf(header);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("a row has " + r.size() + " cells, the header " + header.size());
            }
            copy.add(List.copyOf(r));
        }
        rows = List.copyOf(copy);
    }

    /**
     * Reads a CSV file (RFC 4180: comma-separated, fields optionally double-quoted, "" for a quote).
     *
     * @param file the file
     * @return its table; rows shorter than the header are padded with empty cells, longer ones cut
     * @throws IOException if the file cannot be read
     * @throws ReportException if it has no header line
     */
    public static CsvTable read(Path file) throws IOException {
        List<List<String>> records = parse(Files.readString(file, StandardCharsets.UTF_8));
        if (records.isEmpty()) {
            throw new ReportException(file.getFileName() + " is empty; expected a header line");
        }
        List<String> header = records.get(0);
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r : records.subList(1, records.size())) {
            List<String> row = new ArrayList<>(r.subList(0, Math.min(r.size(), header.size())));
            while (row.size() < header.size()) {
                row.add("");
            }
            rows.add(row);
        }
        return new CsvTable(header, rows);
    }

    /**
     * @param rs a result set, read to its end (NULL becomes the empty cell)
     * @return its table
     * @throws SQLException on a database error
     */
    public static CsvTable of(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> header = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            header.add(md.getColumnLabel(i));
        }
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= header.size(); i++) {
                String v = rs.getString(i);
                row.add(v == null ? "" : v);
            }
            rows.add(row);
        }
        return new CsvTable(header, rows);
    }

    static List<List<String>> parse(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> rec = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                rec.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    rec.add(field.toString());
                    out.add(rec);
                }
                rec = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (any || field.length() > 0) {
            rec.add(field.toString());
            out.add(rec);
        }
        return out;
    }

    /** @return the number of rows */
    public int size() {
        return rows.size();
    }

    /** @param name a column name @return whether the table has it */
    public boolean has(String name) {
        return header.contains(name);
    }

    /**
     * @param row a row index
     * @param name a column name
     * @return the cell, or the empty string when the table has no such column
     */
    public String get(int row, String name) {
        int c = header.indexOf(name);
        return c < 0 ? "" : rows.get(row).get(c);
    }

    /**
     * @param row a row index
     * @param name a column name
     * @return the cell as a number; NaN when empty, absent or not a number
     */
    public double number(int row, String name) {
        String s = get(row, name).trim();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
