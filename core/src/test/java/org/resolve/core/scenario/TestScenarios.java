package org.resolve.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The test scenarios on disk, and small helpers to derive one-mistake variants of them. */
final class TestScenarios {
    /** The corpus of files with one mistake each; relative to the core module (Surefire's working directory). */
    static final Path BAD = Path.of("src/test/resources/bad-scenarios");
    /** The minimal valid scenario every corpus file is a copy of. */
    static final Path MINIMAL = Path.of("src/test/resources/good-scenarios/minimal.yaml");

    private TestScenarios() {
    }

    /** @return the minimal valid scenario's text */
    static String minimal() {
        try {
            return Files.readString(MINIMAL, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param old text that occurs exactly once in the minimal scenario
     * @param replacement what to put in its place
     * @return the minimal scenario with that one change
     */
    static String minimalWith(String old, String replacement) {
        String text = minimal();
        int at = text.indexOf(old);
        assertEquals(at, text.lastIndexOf(old), () -> "'" + old + "' must occur exactly once in " + MINIMAL);
        if (at < 0) {
            throw new AssertionError("'" + old + "' does not occur in " + MINIMAL);
        }
        return text.substring(0, at) + replacement + text.substring(at + old.length());
    }

    /** @return the problems reported for a text that must not load */
    static List<Problem> problems(String label, String text) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.fromText(label, text, null),
                () -> label + " loaded although it has a mistake");
        return e.problems();
    }

    /** @return the one-based line of the first occurrence of {@code needle} in {@code text} */
    static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        if (at < 0) {
            throw new AssertionError("'" + needle + "' not in the text");
        }
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
