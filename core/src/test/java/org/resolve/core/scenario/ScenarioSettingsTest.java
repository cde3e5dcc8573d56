package org.resolve.core.scenario;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resolve.core.model.Kind;
import org.resolve.core.model.Param;

/**
 * Parameter settings given on the command line ({@code resolve run --set NAME=VALUE}) get exactly
 * the checks the same value gets in a scenario file, with the same messages, located at the
 * setting (issue 13, item 4).
 */
class ScenarioSettingsTest {

    /**
     * Values that probe every check a fixed value gets: each kind's bounds (below 0, 0 for a
     * positive scale, above 1 for a probability, between 0 and 1 for a switch), numbers that are
     * not finite or overflow, and text the YAML readers take for a number, a string or a boolean.
     */
    @ParameterizedTest(name = "every parameter = {0}")
    @ValueSource(strings = {"-1", "0", "1e-320", "0.5", "1", "2", "1e300", "1e999", "-1e999", ".nan", "-.inf", "+.Inf",
        "abc", "0x10", "0o17", "1_000", "0.5d", "true", "null", "1e-3", ".5", "+1"})
    void everyParameterGetsTheSameVerdictAndMessagesAsInAFile(String value) {
        StringBuilder file = new StringBuilder("resolve: 1\nid: kursk-2024\nextends: kursk-2024\nparameters:\n");
        List<String> settings = new ArrayList<>();
        for (Param p : Param.values()) {
            file.append("  ").append(p.key()).append(":\n    unit: \"").append(p.unit()).append("\"\n    value: ").append(value)
                    .append("\n    assumption: true\n    reason: set by the user for this run\n");
            settings.add(p.key() + "=" + value);
        }
        List<String> fromFile = verdict(() -> ScenarioLoader.fromText("file.yaml", file.toString(), null));
        List<String> fromSettings = verdict(() -> ScenarioLoader.load("kursk-2024", settings));
        assertEquals(fromFile, fromSettings, "a file and --set disagree on " + value);
        if (fromSettings.isEmpty()) {
            // accepted by both: every parameter now has that value
            Scenario sc = assertDoesNotThrow(() -> ScenarioLoader.load("kursk-2024", settings));
            for (Param p : Param.values()) {
                assertTrue(sc.spec(p).distribution().fixed(), p.key());
                assertEquals(Double.parseDouble(value.replace("_", "")), sc.spec(p).distribution().lower(), p.key());
            }
        }
    }

    @Test
    void theProbesReachEveryKindsBoundsBothWays() {
        // the probe values above are only a test of every check if each kind both accepts and rejects one of them
        for (Kind k : Kind.values()) {
            boolean accepts = false;
            boolean rejects = false;
            for (double v : new double[] {-1, 0, 1e-320, 0.5, 1, 2, 1e300}) {
                accepts |= k.admits(v);
                rejects |= !k.admits(v);
            }
            assertTrue(accepts, k + " accepts no probe");
            assertTrue(rejects || k == Kind.REAL, k + " rejects no probe");
        }
    }

    /** @return each problem as subject, problem and expected (not its location), or nothing when it loads */
    private static List<String> verdict(Loader l) {
        try {
            l.load();
            return List.of();
        } catch (ScenarioException e) {
            return e.problems().stream().map(p -> p.subject() + " | " + p.problem() + " | " + p.expected()).sorted().toList();
        }
    }

    private interface Loader {
        Scenario load() throws ScenarioException;
    }

    @Test
    void aBadSettingIsLocatedAtTheSettingAndPrintsAsOneLine() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load("kursk-2024", List.of("regime_share=0.5", "regime_share=2")));
        assertEquals(1, e.problems().size(), e::getMessage);
        Problem p = e.problems().get(0);
        assertEquals(Location.option("--set regime_share=2"), p.location());
        assertEquals("--set regime_share=2: parameters.regime_share.value: value 2 out of range; expected a probability in [0, 1]",
                p.toString());
    }

    @Test
    void aNameOutsideTheCatalogueGetsTheSchemasSuggestion() {
        Problem p = only(() -> ScenarioLoader.load("kursk-2024", List.of("regime_shar=0.5")));
        assertEquals("--set regime_shar=0.5", p.location().toString());
        assertEquals("parameters.regime_shar", p.subject());
        assertTrue(p.problem().contains("unknown key 'regime_shar' (did you mean 'regime_share'?)"), p.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"regime_share", "=0.5", "regime_share 0.5"})
    void aSettingWithoutANameAndAValueSaysWhatIsExpected(String setting) {
        Problem p = only(() -> ScenarioLoader.load("kursk-2024", List.of(setting)));
        assertEquals("--set " + setting, p.location().toString());
        assertTrue(p.expected().contains("NAME=VALUE"), p.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"regime_share=0.5\n    evidence: [nope]", "regime_share=0.5\nid: other", "regime_share={a: 1}",
        "regime_share=[0.5]", "regime_share=&a 0.5", "regime_share=!!float 0.5", "regime_share=0.5 # comment",
        "regime_share=\"0.5\"", "regime_share="})
    void aValueCannotAddStructureItIsTextWhereANumberIsExpected(String setting) {
        Problem p = only(() -> ScenarioLoader.load("kursk-2024", List.of(setting)));
        assertEquals(Location.option("--set " + setting), p.location());
        assertEquals("parameters.regime_share.value", p.subject());
        assertTrue(p.problem().startsWith("wrong type"), p.toString());
        assertEquals("a number", p.expected());
    }

    @Test
    void aGoodSettingIsTheValueAsScenarioWithMakesIt() throws ScenarioException {
        Scenario plain = ScenarioLoader.load("kursk-2024");
        Scenario set = ScenarioLoader.load("kursk-2024", List.of("regime_share=0.25", "casualty.kill_share=1e-1",
                "regime_share=0.75", "withdrawal.enabled=0"));
        Map<Param, Double> values = new EnumMap<>(Param.class);
        values.put(Param.REGIME_SHARE, 0.75); // the later setting wins, as a later file of a chain does
        values.put(Param.KILL_SHARE, 0.1);
        values.put(Param.WITHDRAWAL_ENABLED, 0.0);
        Scenario expected = plain.with(values, 0);
        assertEquals(expected.hash(), set.hash());
        assertNotEquals(plain.hash(), set.hash());
        assertEquals(plain.files(), set.files(), "a setting is not a file of the scenario");
        assertEquals(new Distribution.Fixed(0.75), set.spec(Param.REGIME_SHARE).distribution());
        assertEquals(expected.spec(Param.REGIME_SHARE).provenance(), set.spec(Param.REGIME_SHARE).provenance());
        assertEquals(plain.hash(), ScenarioLoader.load("kursk-2024", List.of()).hash());
    }

    @Test
    void aScenarioThatIsWrongItselfIsReportedInItsFileNotAtTheSettings(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, TestScenarios.minimalWith("    value: 2000\n", "    value: -5\n"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f.toString(), List.of("regime_share=2")));
        assertEquals(1, e.problems().size(), e::getMessage);
        assertEquals(f.toString(), e.problems().get(0).location().file());
        assertEquals("parameters.wage_usd_per_month.value", e.problems().get(0).subject());
    }

    @Test
    void everyBadSettingIsReportedAtOnce() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load("kursk-2024",
                List.of("regime_share=2", "nope=1", "transit_days=-1", "informed_share=x")));
        assertEquals(List.of("--set regime_share=2", "--set nope=1", "--set transit_days=-1", "--set informed_share=x"),
                e.problems().stream().map(p -> p.location().toString()).distinct().sorted((a, b) -> order(a) - order(b)).toList());
        assertAll(e.problems().stream().map(p -> () -> assertFalse(p.toString().contains(":0:0"), p.toString())));
    }

    private static int order(String loc) {
        return List.of("--set regime_share=2", "--set nope=1", "--set transit_days=-1", "--set informed_share=x").indexOf(loc);
    }

    private static Problem only(Loader l) {
        ScenarioException e = assertThrows(ScenarioException.class, l::load);
        assertEquals(1, e.problems().size(), e::getMessage);
        return e.problems().get(0);
    }
}
