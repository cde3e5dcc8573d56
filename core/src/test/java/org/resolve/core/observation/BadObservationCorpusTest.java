package org.resolve.core.observation;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.resolve.core.scenario.Location;
import org.resolve.core.scenario.Problem;

/**
 * The bad-observation corpus: each {@code bad-observations/<name>.csv} is {@code observations/minimal.csv}
 * with exactly one mistake, and {@code <name>.expected} states the one problem the ledger must report
 * (line, column, subject, and substrings of the problem and of what was expected).
 */
class BadObservationCorpusTest {
    static final Path BAD = Path.of("src/test/resources/bad-observations");
    static final Path MINIMAL = Path.of("src/test/resources/observations/minimal.csv");

    /** Mistakes the corpus must always cover; a file may be renamed only together with this list. */
    private static final List<String> REQUIRED = List.of(
            "too-many-fields", "too-few-fields", "bad-date", "unknown-kind", "non-number", "nan-value",
            "low-above-high", "duplicate-id", "unknown-quantity", "quantity-in-neither-list",
            "published-before-date", "unknown-period", "lower-with-high", "upper-missing-high",
            "point-high-differs", "range-missing-low", "unterminated-quote", "header-misspelt");

    static Stream<String> corpus() throws IOException {
        return names(".csv").stream();
    }

    private static Set<String> names(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(BAD)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix))
                    .map(n -> n.substring(0, n.length() - suffix.length())).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void theMinimalFileTheCorpusIsCopiedFromIsValid() {
        ObservationLedger l = assertDoesNotThrow(() -> ObservationLedger.read(MINIMAL));
        assertEquals(7, l.observations().size());
        assertEquals("several hundred, \"not more\"", l.observations().get(3).note(), "quoted note with a comma and quotes");
        assertEquals(new Location(MINIMAL.toString(), 5, 108), l.observations().get(3).location(Column.NOTE));
        assertEquals(7, l.observations().get(4).periodDays(), "one week");
    }

    @Test
    void everyCorpusFileHasItsExpectationAndTheRequiredMistakesAreCovered() throws IOException {
        Set<String> csv = names(".csv");
        Set<String> expected = names(".expected");
        Set<String> missing = new TreeSet<>(REQUIRED);
        missing.removeAll(csv);
        assertAll(
                () -> assertEquals(csv, expected, "every .csv needs a .expected and vice versa"),
                () -> assertTrue(missing.isEmpty(), () -> "required corpus files missing: " + missing));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void differsFromTheMinimalFileOnOneLine(String name) throws IOException {
        List<String> base = Files.readAllLines(MINIMAL);
        List<String> bad = Files.readAllLines(BAD.resolve(name + ".csv"));
        assertEquals(base.size(), bad.size(), name);
        long changed = java.util.stream.IntStream.range(0, base.size()).filter(i -> !base.get(i).equals(bad.get(i))).count();
        assertEquals(1, changed, () -> name + ".csv must differ from minimal.csv on exactly one line");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void reportsTheOneMistakeWhereItIs(String name) throws IOException {
        Properties exp = new Properties();
        try (Reader r = Files.newBufferedReader(BAD.resolve(name + ".expected"), StandardCharsets.UTF_8)) {
            exp.load(r);
        }
        for (String key : List.of("line", "column", "subject", "problem", "expected")) {
            assertTrue(exp.containsKey(key), () -> name + ".expected lacks '" + key + "'");
        }
        Path path = BAD.resolve(name + ".csv");
        ObservationException e = assertThrows(ObservationException.class, () -> ObservationLedger.read(path),
                () -> name + ".csv was read although it has a mistake");
        List<Problem> problems = e.problems();
        assertEquals(1, problems.size(), () -> name + ": expected 1 problem, got\n" + e.getMessage());
        Problem p = problems.get(0);
        Location want = new Location(path.toString(), Integer.parseInt(exp.getProperty("line")),
                Integer.parseInt(exp.getProperty("column")));
        String subject = exp.getProperty("subject");
        String problem = exp.getProperty("problem");
        String expected = exp.getProperty("expected");
        assertAll(name,
                () -> assertEquals(want, p.location(), () -> "location of: " + p),
                () -> assertEquals(subject, p.subject(), () -> "subject of: " + p),
                () -> assertTrue(p.problem().contains(problem), () -> "'" + problem + "' not in: " + p),
                () -> assertTrue(p.expected().contains(expected), () -> "'" + expected + "' not in what is expected: " + p),
                () -> assertFalse(p.expected().isBlank(), () -> "a problem must say what would be right: " + p),
                () -> assertTrue(p.toString().startsWith(want + ": " + subject + ": " + p.problem() + "; expected "),
                        () -> "printed form: " + p),
                () -> assertEquals(p.toString(), e.getMessage()));
    }
}
