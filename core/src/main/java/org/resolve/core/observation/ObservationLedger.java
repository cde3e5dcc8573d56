package org.resolve.core.observation;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.resolve.core.scenario.DidYouMean;
import org.resolve.core.scenario.Location;
import org.resolve.core.scenario.Problem;
import org.resolve.core.scenario.TextFiles;

/**
 * The observations of one file, validated: every row has a known quantity and kind, numbers that
 * suit its kind, dates in order and a unique id. The file format and the rules are in
 * docs/OBSERVATIONS.md.
 *
 * @param file the file's name as the user gave it
 * @param observations the rows, in file order
 */
public record ObservationLedger(String file, List<Observation> observations) {

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    /** A plain decimal: no thousands separators, no hexadecimal, no "Infinity". */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final String EXPECTED_DATE = "a date as yyyy-mm-dd";
    /**
     * The largest observation file read, in bytes of UTF-8: 16 MiB (some hundred thousand rows).
     * It is checked from the file's size before the file is opened, and on text before it is
     * parsed, so that reading and parsing are bounded whatever the input.
     */
    public static final long MAX_BYTES = 16L << 20;

    /** @param file its name @param observations its rows, copied */
    public ObservationLedger {
        observations = List.copyOf(observations);
    }

    /**
     * Reads and validates an observation file (UTF-8). Only a regular file of at most
     * {@link #MAX_BYTES} is read: a folder, device or pipe is refused without being opened (a
     * pipe would wait for a writer, a device may never end), a larger file from its size.
     *
     * @param path the file
     * @return its observations
     * @throws ObservationException listing every problem, located, when the file cannot be read or
     *         any row is wrong
     */
    public static ObservationLedger read(Path path) throws ObservationException {
        String name = path.toString();
        String text;
        try {
            text = TextFiles.read(path, MAX_BYTES);
        } catch (NoSuchFileException e) {
            throw fileProblem(name, "no such file", "the path of an observation CSV file");
        } catch (TextFiles.Refused e) {
            throw e.tooLarge() ? tooLarge(name)
                    : fileProblem(name, "not a regular file (a folder, device or pipe)", "the path of an observation CSV file");
        } catch (CharacterCodingException e) {
            throw fileProblem(name, "not UTF-8 text", "a UTF-8 CSV file");
        } catch (IOException e) {
            throw fileProblem(name, "cannot be read (" + e.getClass().getSimpleName() + ")", "a readable file");
        }
        return parse(name, text);
    }

    private static ObservationException tooLarge(String file) {
        return fileProblem(file, "larger than " + TextFiles.size(MAX_BYTES), "an observation file of at most " + TextFiles.size(MAX_BYTES));
    }

    private static ObservationException fileProblem(String file, String problem, String expected) {
        return new ObservationException(List.of(new Problem(new Location(file, 0, 0), "file", problem, expected)));
    }

    /**
     * Validates an observation file's contents.
     *
     * @param file the name to locate problems with
     * @param text the contents
     * @return its observations
     * @throws ObservationException listing every problem, located, when any row is wrong, or when
     *         the text is larger than {@link #MAX_BYTES} (checked before parsing)
     */
    public static ObservationLedger parse(String file, String text) throws ObservationException {
        if (TextFiles.largerThan(text, MAX_BYTES)) {
            throw tooLarge(file); // before any parsing
        }
        List<Problem> problems = new ArrayList<>();
        List<Csv.Row> rows = Csv.read(file, text, problems);
        List<Observation> out = new ArrayList<>();
        if (rows.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add(new Problem(new Location(file, 1, 1), "header", "empty file", "the header " + Column.HEADER));
            }
            throw new ObservationException(problems);
        }
        if (checkHeader(rows.get(0), problems)) {
            Map<String, Integer> firstLine = new HashMap<>();
            for (Csv.Row row : rows.subList(1, rows.size())) {
                Observation o = new RowReader(row, problems, firstLine).read();
                if (o != null) {
                    out.add(o);
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.sort((a, b) -> a.location().line() != b.location().line()
                    ? Integer.compare(a.location().line(), b.location().line())
                    : Integer.compare(a.location().column(), b.location().column()));
            throw new ObservationException(problems);
        }
        return new ObservationLedger(file, out);
    }

    /** @return whether the header is exactly {@link Column#HEADER} (else reports the first difference) */
    private static boolean checkHeader(Csv.Row header, List<Problem> problems) {
        List<String> want = Column.keys();
        List<Csv.Field> got = header.fields();
        for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
            if (i >= got.size()) {
                problems.add(new Problem(header.end(), "header", "column '" + want.get(i) + "' is missing",
                        "the header " + Column.HEADER));
                return false;
            }
            String name = got.get(i).text();
            if (i >= want.size() || !name.equals(want.get(i))) {
                String expected = i < want.size() ? "'" + want.get(i) + "' as column " + (i + 1) : "no more columns";
                String hint = DidYouMean.suggest(name, want);
                String problem = "unexpected column '" + name + "'" + (hint != null && !hint.equals(name)
                        ? " (did you mean '" + hint + "'?)" : "");
                problems.add(new Problem(got.get(i).location(), "header", problem,
                        expected + ": the header is " + Column.HEADER));
                return false;
            }
        }
        return true;
    }

    /** Reads one row, adding a problem for each wrong field. */
    private static final class RowReader {
        private final Csv.Row row;
        private final List<Problem> problems;
        private final Map<String, Integer> firstLine;
        private String id = "";

        RowReader(Csv.Row row, List<Problem> problems, Map<String, Integer> firstLine) {
            this.row = row;
            this.problems = problems;
            this.firstLine = firstLine;
        }

        private Csv.Field f(Column c) {
            return row.fields().get(c.ordinal());
        }

        private String text(Column c) {
            return f(c).text();
        }

        private void problem(Column c, String problem, String expected) {
            String subject = id.isEmpty() ? c.key() : id + "." + c.key();
            problems.add(new Problem(f(c).location(), subject, problem, expected));
        }

        Observation read() {
            int n = row.fields().size();
            if (n != Column.COUNT) {
                Location where = n > Column.COUNT ? row.fields().get(Column.COUNT).location() : row.end();
                String first = row.fields().get(0).text();
                String subject = first.isEmpty() ? "row" : first;
                problems.add(new Problem(where, subject, "the row has " + n + " fields",
                        Column.COUNT + " fields (" + Column.HEADER + "); quote a field that contains a comma"));
                return null;
            }
            int before = problems.size();
            id = text(Column.ID);
            if (id.isEmpty()) {
                problem(Column.ID, "missing", "an identifier unique in the file");
            } else {
                Integer seen = firstLine.putIfAbsent(id, row.line());
                if (seen != null) {
                    problem(Column.ID, "duplicate id '" + id + "' (first used on line " + seen + ")",
                            "an identifier unique in the file");
                }
            }
            LocalDate date = date(Column.DATE);
            String claimant = required(Column.CLAIMANT, "who made the claim");
            Quantity quantity = quantity();
            ObservationKind kind = kind();
            double low = number(Column.LOW);
            double high = number(Column.HIGH);
            boolean numbersOk = !Double.isInfinite(low) && !Double.isInfinite(high);
            if (kind != null && numbersOk) {
                checkBounds(kind, low, high);
            }
            String scope = text(Column.SCOPE);
            int periodDays = 0;
            if (quantity != null && quantity.needsPeriod()) {
                periodDays = Period.days(scope);
                if (periodDays == 0) {
                    problem(Column.SCOPE, scope.isEmpty() ? "no period for " + quantity.key()
                            : "unknown period '" + scope + "' for " + quantity.key(), Period.EXPECTED);
                }
            }
            String publication = required(Column.PUBLICATION, "where it was published");
            LocalDate published = date(Column.PUBLISHED);
            if (date != null && published != null && published.isBefore(date)) {
                problem(Column.PUBLISHED, "published " + published + " before the date it reports on (" + date + ")",
                        "a publication date on or after " + date);
            }
            if (problems.size() > before) {
                return null;
            }
            List<Location> locations = row.fields().stream().map(Csv.Field::location).collect(Collectors.toList());
            return new Observation(id, date, claimant, quantity, kind, low, high, scope, periodDays, publication,
                    published, text(Column.NOTE), locations);
        }

        private String required(Column c, String what) {
            String s = text(c);
            if (s.isEmpty()) {
                problem(c, "missing", what);
            }
            return s;
        }

        private LocalDate date(Column c) {
            String s = text(c);
            if (s.isEmpty()) {
                problem(c, "missing", EXPECTED_DATE);
                return null;
            }
            try {
                return LocalDate.parse(s, ISO_DATE);
            } catch (DateTimeParseException e) {
                problem(c, "not a date: '" + s + "'", EXPECTED_DATE);
                return null;
            }
        }

        private Quantity quantity() {
            String s = text(Column.QUANTITY);
            if (s.isEmpty()) {
                problem(Column.QUANTITY, "missing", "one of " + String.join(", ", Quantity.keys()));
                return null;
            }
            Quantity q = Quantity.byKey(s);
            if (q == null) {
                String hint = DidYouMean.suggest(s, Quantity.keys());
                problem(Column.QUANTITY, "unknown quantity '" + s + "'"
                        + (hint != null ? " (did you mean '" + hint + "'?)" : ""),
                        "one of " + String.join(", ", Quantity.keys()));
            }
            return q;
        }

        private ObservationKind kind() {
            String s = text(Column.KIND);
            List<String> keys = java.util.Arrays.stream(ObservationKind.values()).map(ObservationKind::key).toList();
            if (s.isEmpty()) {
                problem(Column.KIND, "missing", "one of " + String.join(", ", keys));
                return null;
            }
            ObservationKind k = ObservationKind.byKey(s);
            if (k == null) {
                String hint = DidYouMean.suggest(s, keys);
                problem(Column.KIND, "unknown kind '" + s + "'" + (hint != null ? " (did you mean '" + hint + "'?)" : ""),
                        "one of " + String.join(", ", keys));
            }
            return k;
        }

        /** @return the number, NaN when empty, or an infinity (a marker: the problem is reported) */
        private double number(Column c) {
            String s = text(c);
            if (s.isEmpty()) {
                return Double.NaN;
            }
            String expected = "a plain number >= 0 such as 1500 or 0.9 (no thousands separators)";
            if (s.equalsIgnoreCase("nan")) {
                problem(c, "not a number: NaN", expected + ", or an empty field");
                return Double.POSITIVE_INFINITY;
            }
            if (!NUMBER.matcher(s).matches()) {
                problem(c, "not a number: '" + s + "'", expected);
                return Double.POSITIVE_INFINITY;
            }
            double v = Double.parseDouble(s);
            if (Double.isInfinite(v)) {
                problem(c, "number too large: '" + s + "'", expected);
                return Double.POSITIVE_INFINITY;
            }
            if (v < 0) {
                problem(c, "negative: " + s, expected + " (counts, amounts and shares are never negative)");
                return Double.POSITIVE_INFINITY;
            }
            return v;
        }

        private void checkBounds(ObservationKind kind, double low, double high) {
            boolean hasLow = !Double.isNaN(low);
            boolean hasHigh = !Double.isNaN(high);
            String k = kind.key();
            if (hasLow && hasHigh && low > high) {
                problem(Column.LOW, "low " + text(Column.LOW) + " > high " + text(Column.HIGH), "low <= high");
                return;
            }
            switch (kind) {
                case POINT, APPROX -> {
                    if (!hasLow) {
                        problem(Column.LOW, "missing for kind " + k, "the figure in low (high empty or the same)");
                    } else if (hasHigh && high != low) {
                        problem(Column.HIGH, "high " + text(Column.HIGH) + " differs from low " + text(Column.LOW)
                                + " for kind " + k, "high empty or equal to low (kind range for an interval)");
                    }
                }
                case LOWER -> {
                    if (!hasLow) {
                        problem(Column.LOW, "missing for kind lower", "the floor in low");
                    } else if (hasHigh) {
                        problem(Column.HIGH, "kind lower takes no high", "high empty (kind range for both bounds)");
                    }
                }
                case UPPER -> {
                    if (!hasHigh) {
                        problem(Column.HIGH, "missing for kind upper", "the ceiling in high");
                    } else if (hasLow && low != 0) {
                        problem(Column.LOW, "kind upper takes no low other than 0",
                                "low empty or 0 (kind range for both bounds)");
                    }
                }
                case RANGE -> {
                    if (!hasLow) {
                        problem(Column.LOW, "missing for kind range", "both low and high for kind range");
                    }
                    if (!hasHigh) {
                        problem(Column.HIGH, "missing for kind range", "both low and high for kind range");
                    }
                }
                default -> throw new AssertionError(kind);
            }
        }
    }

    /** @return the observations a calibration compares with a run, in file order */
    public List<Observation> calibrationTargets() {
        return observations.stream().filter(o -> o.quantity().isCalibrationTarget()).toList();
    }

    /** @return the observations that are parameter evidence only, in file order */
    public List<Observation> parameterEvidence() {
        return observations.stream().filter(o -> !o.quantity().isCalibrationTarget()).toList();
    }

    /**
     * @param knowledgeDate the last day of knowledge
     * @return the ledger restricted to observations published on or before that day
     */
    public ObservationLedger publishedBy(LocalDate knowledgeDate) {
        return new ObservationLedger(file, observations.stream().filter(o -> !o.published().isAfter(knowledgeDate)).toList());
    }

    /** @return the number of observations of each quantity, in {@link Quantity} order (only those present) */
    public Map<Quantity, Integer> countByQuantity() {
        Map<Quantity, Integer> m = new EnumMap<>(Quantity.class);
        for (Observation o : observations) {
            m.merge(o.quantity(), 1, Integer::sum);
        }
        return m;
    }

    /** @return the number of observations of each kind, in {@link ObservationKind} order (only those present) */
    public Map<ObservationKind, Integer> countByKind() {
        Map<ObservationKind, Integer> m = new EnumMap<>(ObservationKind.class);
        for (Observation o : observations) {
            m.merge(o.kind(), 1, Integer::sum);
        }
        return m;
    }
}
