package org.resolve.core.scenario;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.resolve.core.model.Param;

/** Every bundled scenario loads, and every number in it is sourced or a reasoned assumption. */
class BundledScenariosTest {
    private static final Path SOURCES = Path.of("src/main/resources/org/resolve/core/scenarios");

    static Stream<String> ids() {
        return Bundled.IDS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void loadsWithAHashAndEveryParameter(String id) {
        Scenario s = assertDoesNotThrow(() -> ScenarioLoader.load(id));
        assertEquals(id, s.id());
        assertTrue(s.hash().matches("[0-9a-f]{64}"), () -> "hash: " + s.hash());
        for (Param p : Param.values()) {
            ParameterSpec spec = s.spec(p);
            assertNotNull(spec, () -> id + " lacks " + p.key());
            assertEquals(p.unit(), spec.unit(), () -> id + ": unit of " + p.key());
        }
        assertFalse(s.waves().isEmpty());
        assertFalse(s.calendar().isEmpty());
        assertEquals(Bundled.label(id), s.files().get(s.files().size() - 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void everyNumberHasEvidenceThatExistsOrIsAReasonedAssumption(String id) throws ScenarioException {
        Scenario s = ScenarioLoader.load(id);
        Set<String> sources = s.sources().keySet();
        List<Executable> checks = new ArrayList<>();
        for (ParameterSpec spec : s.parameters().values()) {
            String what = id + ": parameters." + spec.param().key();
            checks.add(() -> assertProvenance(what, spec.provenance(), sources, spec.distribution() instanceof Distribution.Mixture));
            if (spec.distribution() instanceof Distribution.Mixture m) {
                for (int i = 0; i < m.components().size(); i++) {
                    Distribution.Component c = m.components().get(i);
                    String cw = what + ".components[" + i + "]";
                    checks.add(() -> assertFalse(c.evidence().isEmpty(), cw + " has no evidence"));
                    checks.add(() -> assertTrue(sources.containsAll(c.evidence()), cw + " cites unknown sources " + c.evidence()));
                }
            }
        }
        for (Wave w : s.waves()) {
            checks.add(() -> assertProvenance(id + ": wave " + w.id(), w.provenance(), sources, false));
        }
        for (Phase ph : s.calendar()) {
            checks.add(() -> assertProvenance(id + ": phase from " + ph.from(), ph.provenance(), sources, false));
        }
        if (s.campaign() != null) {
            checks.add(() -> assertProvenance(id + ": campaign", s.campaign().provenance(), sources, false));
        }
        assertAll(id, checks.stream());
    }

    private static void assertProvenance(String what, Provenance p, Set<String> sources, boolean mixture) {
        assertTrue(sources.containsAll(p.evidence()), () -> what + " cites unknown sources " + p.evidence());
        if (p.assumption()) {
            assertFalse(p.reason().isBlank(), () -> what + " is an assumption without a reason");
        } else if (!mixture) {
            assertFalse(p.evidence().isEmpty(), () -> what + " has neither evidence nor an assumption");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void everySourceIsDatedAttributedAndQuotedBriefly(String id) throws ScenarioException {
        Scenario s = ScenarioLoader.load(id);
        assertFalse(s.sources().isEmpty());
        assertAll(id, s.sources().values().stream().map(src -> () -> {
            assertFalse(src.claimant().isBlank(), src.id() + ": claimant");
            assertFalse(src.publication().isBlank(), src.id() + ": publication");
            assertTrue(src.date().matches("\\d{4}-\\d{2}-\\d{2}"), src.id() + ": date");
            int words = src.quote().trim().split("\\s+").length;
            assertTrue(words <= 25, src.id() + ": quote of " + words + " words");
        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void everyQuantileIsFiniteAndAllowed(String id) throws ScenarioException {
        Scenario s = ScenarioLoader.load(id);
        List<Executable> checks = new ArrayList<>();
        for (ParameterSpec spec : s.parameters().values()) {
            Distribution d = spec.distribution();
            for (double u : new double[] {0, 0.001, 0.25, 0.5, 0.75, 0.999, Math.nextDown(1.0)}) {
                checks.add(() -> {
                    double v = d.quantile(u);
                    String what = id + ": " + spec.param().key() + " = " + d.describe() + " at u=" + u + " gives " + v;
                    assertTrue(Double.isFinite(v), what);
                    assertTrue(v >= d.lower() && v <= d.upper(), what + ", outside [lower, upper]");
                    assertTrue(spec.param().kind().admits(v), what + ", not " + spec.param().kind().expected());
                });
            }
        }
        assertAll(id, checks.stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void loadingByPathGivesTheSameScenarioAsByIdAndItsEditorSchemaLinkResolves(String id) throws Exception {
        Path file = SOURCES.resolve(id + ".yaml");
        Scenario byId = ScenarioLoader.load(id);
        Scenario byPath = ScenarioLoader.load(file.toString());
        assertEquals(byId.hash(), byPath.hash(), "the hash must not depend on where the file was read from");
        Matcher m = Pattern.compile("^# yaml-language-server: \\$schema=(\\S+)").matcher(Files.readString(file));
        assertTrue(m.find(), () -> file + " should link its schema for editors");
        Path schema = file.getParent().resolve(m.group(1)).normalize();
        assertEquals(Path.of("../docs/scenario.schema.json").normalize(), schema, "the $schema link of " + file);
        assertTrue(Files.isRegularFile(schema), () -> schema + " does not exist");
    }

    @Test
    void theBundledScenariosAreDistinct() throws ScenarioException {
        Set<String> hashes = new HashSet<>();
        for (String id : Bundled.IDS) {
            assertTrue(hashes.add(ScenarioLoader.load(id).hash()), () -> id + " has the same hash as another bundled scenario");
        }
    }

    @Test
    void theExtendingScenariosAreReadOnTopOfTheDefault() throws ScenarioException {
        for (String id : Bundled.IDS) {
            Scenario s = ScenarioLoader.load(id);
            assertEquals(Bundled.label(Bundled.DEFAULT), s.files().get(0), id);
        }
    }
}
