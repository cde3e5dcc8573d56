package org.resolve.core.scenario;

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

/**
 * The bad-scenario corpus: each {@code bad-scenarios/<name>.yaml} is the minimal valid scenario
 * with exactly one mistake, and {@code <name>.expected} states the one problem the loader must
 * report for it (line, column, subject, and substrings of the problem and of what was expected).
 */
class BadScenarioCorpusTest {
    /** Mistakes the corpus must always cover; a file may be renamed only together with this list. */
    private static final List<String> REQUIRED = List.of(
            "missing-wave-size", "wrong-type-string-for-number", "uniform-low-above-high", "nan-value",
            "unknown-top-level-key", "unknown-parameter", "unknown-evidence-id", "duplicate-key",
            "malformed-indentation", "malformed-unclosed-bracket", "assumption-without-reason",
            "probability-above-one", "wrong-unit", "triangular-mode-outside", "mixture-weights-not-one",
            "calendar-out-of-order", "wave-before-start", "quote-too-long", "no-evidence-no-assumption");

    static Stream<String> corpus() throws IOException {
        return names(".yaml").stream();
    }

    private static Set<String> names(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(TestScenarios.BAD)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix))
                    .map(n -> n.substring(0, n.length() - suffix.length())).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void theMinimalScenarioTheCorpusIsCopiedFromIsValid() {
        Scenario s = assertDoesNotThrow(() -> ScenarioLoader.load(TestScenarios.MINIMAL.toString()));
        assertEquals("minimal", s.id());
        assertEquals(List.of(Bundled.label("kursk-2024"), TestScenarios.MINIMAL.toString()), s.files());
    }

    @Test
    void theCorpusHasAtLeast18FilesAndEveryFileHasItsExpectation() throws IOException {
        Set<String> yaml = names(".yaml");
        Set<String> expected = names(".expected");
        assertTrue(yaml.size() >= 18, () -> "only " + yaml.size() + " corpus files in " + TestScenarios.BAD);
        Set<String> withoutExpectation = new TreeSet<>(yaml);
        withoutExpectation.removeAll(expected);
        Set<String> withoutFile = new TreeSet<>(expected);
        withoutFile.removeAll(yaml);
        assertAll(
                () -> assertTrue(withoutExpectation.isEmpty(), () -> "corpus files without a .expected: " + withoutExpectation),
                () -> assertTrue(withoutFile.isEmpty(), () -> ".expected files without a .yaml: " + withoutFile));
        try (Stream<Path> files = Files.list(TestScenarios.BAD)) {
            List<String> other = files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".yaml") && !n.endsWith(".expected")).toList();
            assertTrue(other.isEmpty(), () -> "unexpected files in the corpus: " + other);
        }
    }

    @Test
    void theCorpusCoversEveryRequiredMistake() throws IOException {
        Set<String> missing = new TreeSet<>(REQUIRED);
        missing.removeAll(names(".yaml"));
        assertTrue(missing.isEmpty(), () -> "required corpus files missing: " + missing);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isTheMinimalScenarioWithOneLocalChange(String name) throws IOException {
        // Below the two header comment lines, only one short run of lines may differ.
        List<String> base = TestScenarios.minimal().lines().skip(2).toList();
        List<String> bad = Files.readString(TestScenarios.BAD.resolve(name + ".yaml")).lines().skip(2).toList();
        int head = 0;
        while (head < base.size() && head < bad.size() && base.get(head).equals(bad.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < base.size() - head && tail < bad.size() - head
                && base.get(base.size() - 1 - tail).equals(bad.get(bad.size() - 1 - tail))) {
            tail++;
        }
        int removed = base.size() - head - tail;
        int added = bad.size() - head - tail;
        String where = " (lines " + (head + 3) + " to " + (bad.size() - tail + 2) + ")";
        assertTrue(removed + added > 0, () -> name + ".yaml is identical to the minimal scenario");
        assertTrue(removed <= 4 && added <= 4, () -> name + ".yaml differs from the minimal scenario in more than one place" + where);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void reportsTheOneMistakeWhereItIs(String name) throws IOException {
        Properties exp = new Properties();
        try (Reader r = Files.newBufferedReader(TestScenarios.BAD.resolve(name + ".expected"), StandardCharsets.UTF_8)) {
            exp.load(r);
        }
        for (String key : List.of("line", "column", "subject", "problem")) {
            assertTrue(exp.containsKey(key), () -> name + ".expected lacks '" + key + "'");
        }
        String path = TestScenarios.BAD.resolve(name + ".yaml").toString();
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(path),
                () -> name + ".yaml loaded although it has a mistake");
        List<Problem> problems = e.problems();
        int count = Integer.parseInt(exp.getProperty("problems", "1"));
        assertEquals(count, problems.size(), () -> name + ": expected " + count + " problem(s), got\n" + e.getMessage());

        Problem p = problems.get(0);
        Location want = new Location(path, Integer.parseInt(exp.getProperty("line")), Integer.parseInt(exp.getProperty("column")));
        String subject = exp.getProperty("subject");
        String problem = exp.getProperty("problem");
        String expected = exp.getProperty("expected", "");
        assertAll(name,
                () -> assertEquals(want, p.location(), () -> "location of: " + p),
                () -> assertEquals(subject, p.subject(), () -> "subject of: " + p),
                () -> assertTrue(p.problem().contains(problem), () -> "'" + problem + "' not in: " + p),
                () -> assertTrue(p.expected().contains(expected), () -> "'" + expected + "' not in what is expected: " + p),
                () -> assertFalse(p.expected().isBlank(), () -> "a problem must say what would be right: " + p),
                () -> assertTrue(p.toString().startsWith(want + ": " + subject + ": " + p.problem() + "; expected "),
                        () -> "printed form: " + p),
                () -> assertTrue(e.getMessage().contains(p.toString()), () -> "exception message: " + e.getMessage()));
    }
}
