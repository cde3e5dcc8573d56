package org.resolve.cli;

/** Small helpers for the CSV files the commands write themselves. */
final class Csv {
    private Csv() {
    }

    /** @return a CSV field, quoted */
    static String quote(String s) {
        return '"' + s.replace("\"", "\"\"").replace('\n', ' ') + '"';
    }

    /** Appends a number: integers without a decimal point, others in Java's shortest round-trip form. */
    static void number(StringBuilder sb, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            sb.append((long) v);
        } else {
            sb.append(v);
        }
    }
}
