package org.resolve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.resolve.core.scenario.Bundled;

/**
 * {@code resolve validate} over the bad-scenario corpus of the core module: each file gives located
 * problems (file:line:col: subject: problem; expected ...), exit code 1, and no stack trace.
 */
class ValidateCommandTest {
    private static final Path CORPUS = Path.of("../core/src/test/resources/bad-scenarios");
    private static final Pattern LOCATED = Pattern.compile("^.+\\.yaml:\\d+:\\d+: \\S.*: .+; expected .+$");

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    private static final Path OBSERVATIONS = Path.of("../core/src/test/resources/bad-observations");
    private static final Pattern LOCATED_CSV = Pattern.compile("^.+\\.csv:\\d+:\\d+: \\S.*: .+; expected .+$");

    static Stream<Path> observationCorpus() throws IOException {
        try (Stream<Path> s = Files.list(OBSERVATIONS)) {
            return s.filter(p -> p.toString().endsWith(".csv")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("observationCorpus")
    void everyBadObservationFileGivesLocatedProblemsAndExitOne(Path file) {
        Cli c = Cli.run("validate", file.toString());
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        List<String> lines = c.err.lines().toList();
        assertTrue(lines.size() >= 2, c.toString());
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertTrue(LOCATED_CSV.matcher(line).matches() || line.contains(":0:0: "), "not located: " + line);
        }
        assertFalse(c.err.contains("Exception"), c.err);
        assertFalse(c.err.contains("\tat "), c.err);
    }

    @Test
    void theSharedObservationLedgerIsValid() {
        Cli c = Cli.run("validate", "../core/src/test/resources/observations/observations-to-2025-01-13.csv");
        assertEquals(0, c.code, c.toString());
        assertTrue(c.out.contains("39 observations"), c.out);
    }

    @Test
    void corpusIsThere() throws IOException {
        assertTrue(corpus().count() >= 8, "the bad-scenario corpus has at least 8 files");
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void everyBadFileGivesLocatedProblemsAndExitOne(Path file) {
        Cli c = Cli.run("validate", file.toString());
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        List<String> lines = c.err.lines().toList();
        assertTrue(lines.size() >= 2, c.toString());
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertTrue(LOCATED.matcher(line).matches(), "not located: " + line);
            assertTrue(line.startsWith(file.toString()) || line.startsWith("scenarios/"), line);
        }
        assertTrue(lines.get(lines.size() - 1).matches("\\d+ problem\\(s\\) in 1 of 1 file\\(s\\)\\."), c.err);
        assertFalse(c.err.contains("Exception"), c.err);
        assertFalse(c.err.contains("\tat "), c.err);
    }

    @Test
    void bundledScenariosAreValid() {
        Cli c = Cli.run(Stream.concat(Stream.of("validate"), Bundled.IDS.stream()).toArray(String[]::new));
        assertEquals(0, c.code, c.toString());
        assertEquals(Bundled.IDS.size(), c.out.lines().filter(l -> l.contains(": ok (")).count(), c.out);
    }

    @Test
    void missingFileIsOneLocatedLine() {
        Cli c = Cli.run("validate", "no-such-file.yaml");
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        assertTrue(c.err.startsWith("no-such-file.yaml:0:0: scenario: no such file"), c.err);
    }

    @Test
    void runOfABadFileFailsBeforeWritingAnything(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path bad = corpus().findFirst().orElseThrow();
        Path out = tmp.resolve("out");
        Cli c = Cli.run("run", bad.toString(), "--replications", "1", "--out", out.toString());
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        assertFalse(Files.exists(out), "no output folder for an invalid scenario");
        assertTrue(c.err.contains(".yaml:"), c.err);
    }
}
