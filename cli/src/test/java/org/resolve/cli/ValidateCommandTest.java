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
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.resolve.core.scenario.Bundled;

/**
 * {@code resolve validate} over the bad-scenario corpus of the core module: each file gives located
 * problems (file:line:col: subject: problem; expected ...), exit code 1, and no stack trace.
 */
class ValidateCommandTest {
    @TempDir
    Path tmp;

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

    /**
     * Issue 13, item 5 (the other recursive parser the command line exposes): YAML nested
     * thousands deep overflowed the stack while the node tree was built. It is a located problem
     * at the first mapping or list past the stated depth.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[", "{a: ", "[{b: "})
    void yamlNestedThousandsDeepIsALocatedProblem(String open) throws IOException {
        int depth = 100_000;
        String close = new StringBuilder(open.replaceAll("[^\\[{]", "")).reverse().toString().replace('[', ']').replace('{', '}');
        // one opener per line: a single line this long is refused by the line-length limit first
        Path file = Files.writeString(tmp.resolve("deep.yaml"), "resolve: 1\nid: deep\ntitle: " + (open + "\n").repeat(depth) + "1"
                + (close + "\n").repeat(depth));
        Cli c = Cli.run("validate", file.toString());
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        List<String> lines = c.err.lines().toList();
        assertEquals(2, lines.size(), c.err);
        assertTrue(lines.get(0).matches(Pattern.quote(file.toString()) + ":\\d+:\\d+: yaml: lists and mappings nested more than 64 levels deep;"
                + " expected at most 64 levels of nesting"), lines.get(0));
        assertFalse(c.err.contains("\tat "), c.err);
    }

    @Test
    void nestingUpToTheLimitIsRead() throws IOException {
        Path file = Files.writeString(tmp.resolve("ok.yaml"), "resolve: 1\nid: ok\nextends: kursk-2024\ntitle: x\nnote: "
                + "[".repeat(63) + "1" + "]".repeat(63) + "\n");
        Cli c = Cli.run("validate", file.toString());
        assertFalse(c.err.contains("nested more than"), c.err);
    }

    /** An extends chain one file longer than the stated limit is a problem at the extends line that breaks it. */
    @Test
    void anExtendsChainLongerThanTheLimitIsAProblem() throws IOException {
        int n = org.resolve.core.scenario.ScenarioLoader.MAX_EXTENDS;
        Files.writeString(tmp.resolve("s0.yaml"), "resolve: 1\nid: s0\nextends: kursk-2024\n");
        for (int i = 1; i < n; i++) {
            Files.writeString(tmp.resolve("s" + i + ".yaml"), "resolve: 1\nid: s" + i + "\nextends: s" + (i - 1) + ".yaml\n");
        }
        Cli ok = Cli.run("validate", tmp.resolve("s" + (n - 2) + ".yaml").toString());
        assertEquals(0, ok.code, "a chain of " + n + " scenarios is read: " + ok);
        Cli c = Cli.run("validate", tmp.resolve("s" + (n - 1) + ".yaml").toString());
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        assertTrue(c.err.contains("s0.yaml:3:10: extends: the extends chain is longer than " + n + " scenarios; expected at most " + n),
                c.err);
    }
}
