package org.resolve.core.scenario;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Inputs that once gave a stack trace or a wrong position, and the extends chain. */
class ScenarioLoaderEdgeCasesTest {
    private static final String VALUE = "    value: 2000\n";

    static Stream<Arguments> awkward() {
        return Stream.of(
                Arguments.of("empty file", ""),
                Arguments.of("comments only", "# nothing here\n"),
                Arguments.of("a scalar", "hello"),
                Arguments.of("a list", "- resolve: 1\n- id: x\n"),
                Arguments.of("two documents", "resolve: 1\n---\nid: x\n"),
                Arguments.of("a tab", TestScenarios.minimalWith(VALUE, "\tvalue: 2000\n")),
                Arguments.of("a key that is a list", "resolve: 1\n? [a, b]\n: x\n"),
                Arguments.of("+.Inf", TestScenarios.minimalWith(VALUE, "    value: +.Inf\n")),
                Arguments.of("!!float .nan", TestScenarios.minimalWith(VALUE, "    value: !!float .nan\n")),
                Arguments.of("YAML 1.1 sexagesimal", TestScenarios.minimalWith(VALUE, "    value: 1:2:3.5\n")),
                Arguments.of("an alias", TestScenarios.minimalWith(VALUE, "    value: &v 2000\n  transit_days: {value: *v, unit: days, assumption: true, reason: x}\n")),
                Arguments.of("an empty list of waves", TestScenarios.minimalWith("    - id: first\n", "    []\n  other:\n    - id: first\n")),
                Arguments.of("a huge integer", TestScenarios.minimalWith("      size: 1500\n      unit_type: special_forces\n      evidence: [obs-A5]",
                        "      size: 99999999999999999999\n      unit_type: special_forces\n      evidence: [obs-A5]")),
                Arguments.of("a null parameter", TestScenarios.minimalWith("  wage_usd_per_month:\n    value: 2000\n    unit: USD/month\n    evidence: [wsj-wage, obs-D1]\n",
                        "  wage_usd_per_month:\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awkward")
    void awkwardInputGivesLocatedProblemsNotAStackTrace(String what, String text) {
        List<Problem> problems = TestScenarios.problems("awkward.yaml", text);
        assertFalse(problems.isEmpty());
        assertAll(what, problems.stream().map(p -> () -> {
            assertEquals("awkward.yaml", p.location().file(), p.toString());
            assertTrue(p.location().line() >= 1 && p.location().column() >= 1, () -> "no position: " + p);
            assertFalse(p.subject().isBlank(), p.toString());
            assertFalse(p.problem().isBlank(), p.toString());
            assertFalse(p.expected().isBlank(), p.toString());
        }));
    }

    @Test
    void aValueTheTwoYamlVersionsReadDifferentlyIsPointedAt() {
        String text = TestScenarios.minimalWith(VALUE, "    value: 1:2:3.5\n");
        Problem p = TestScenarios.problems("v.yaml", text).get(0);
        assertEquals(new Location("v.yaml", TestScenarios.lineOf(text, "1:2:3.5"), 12), p.location());
        assertEquals("parameters.wage_usd_per_month.value", p.subject());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bom.yaml");
        Files.writeString(file, "\uFEFF" + TestScenarios.minimal(), StandardCharsets.UTF_8);
        Scenario s = assertDoesNotThrow(() -> ScenarioLoader.load(file.toString()));
        assertEquals(ScenarioLoader.load(TestScenarios.MINIMAL.toString()).hash(), s.hash());
    }

    @Test
    void aRelativeExtendsIsReadFromTheExtendingFilesDirectory(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("base.yaml"), TestScenarios.minimal());
        Path child = dir.resolve("sub/child.yaml");
        Files.writeString(child, "resolve: 1\nid: child\nextends: ../base.yaml\ndays: 100\n");
        Scenario s = ScenarioLoader.load(child.toString());
        assertEquals(100, s.days());
        assertEquals(List.of(Bundled.label("kursk-2024"), "../base.yaml", child.toString()), s.files());
    }

    @Test
    void aMissingParentIsReportedAtTheExtendsLine(@TempDir Path dir) throws Exception {
        Path child = dir.resolve("child.yaml");
        Files.writeString(child, "resolve: 1\nid: child\n# the parent\nextends: nowhere.yaml\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(child.toString()));
        Problem p = e.problems().get(0);
        assertEquals(new Location(child.toString(), 4, 10), p.location());
        assertEquals("extends", p.subject());
        assertTrue(p.problem().contains("'nowhere.yaml'"), p.toString());
    }

    @Test
    void aMissingFileGivenDirectlyNamesItAndSuggestsABundledId() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load("kursk-2025"));
        Problem p = e.problems().get(0);
        assertEquals("kursk-2025", p.location().file());
        assertTrue(p.problem().contains("(did you mean 'kursk-2024'?)"), p.toString());
    }

    @Test
    void aCycleOfExtendsIsReportedAtTheExtendsThatClosesIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "resolve: 1\nid: a\nextends: b.yaml\n");
        Files.writeString(dir.resolve("b.yaml"), "resolve: 1\nid: b\n\nextends: a.yaml\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir.resolve("a.yaml").toString()));
        assertEquals(1, e.problems().size(), e.getMessage());
        Problem p = e.problems().get(0);
        assertEquals("extends", p.subject());
        assertTrue(p.problem().contains("in a cycle"), p.toString());
        assertTrue(p.location().line() == 3 || p.location().line() == 4, () -> "at an extends line: " + p);
        assertEquals(10, p.location().column(), p.toString());
    }

    @Test
    void everyProblemInAFileIsReportedInFileOrder() {
        String text = TestScenarios.minimalWith("days: 120\n", "days: 120\nknowledge_date: 2024-01-01\n")
                .replace("    quote: a short quote of a few words\n", "    quote: ''\n")
                .replace("{type: uniform, low: 0.3, high: 0.9}", "{type: uniform, low: 0.9, high: 0.3}");
        List<Problem> problems = TestScenarios.problems("many.yaml", text);
        assertEquals(List.of("knowledge_date", "sources.test-source.quote", "parameters.informed_share.distribution.low"),
                problems.stream().map(Problem::subject).toList());
        for (int i = 1; i < problems.size(); i++) {
            assertTrue(problems.get(i - 1).location().line() <= problems.get(i).location().line());
        }
    }
}
