package org.resolve.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioException;
import org.resolve.core.scenario.ScenarioLoader;

/** Loads the engine tests' scenarios from {@code src/test/resources/engine/}. */
public final class TestScenarios {
    private TestScenarios() {
    }

    /** @param id a bundled scenario id @return the scenario */
    public static Scenario bundled(String id) {
        try {
            return ScenarioLoader.load(id);
        } catch (ScenarioException e) {
            throw new AssertionError("bundled scenario " + id + " does not load:\n" + e.getMessage(), e);
        }
    }

    /** @param name a file in the engine test resources @return the scenario it describes */
    public static Scenario resource(String name) {
        return template(name, Map.of());
    }

    /**
     * @param name a template in the engine test resources
     * @param substitutions placeholder to text; every placeholder must occur in the file
     * @return the scenario the filled template describes
     */
    public static Scenario template(String name, Map<String, String> substitutions) {
        String text = text(name);
        for (Map.Entry<String, String> e : substitutions.entrySet()) {
            if (!text.contains(e.getKey())) {
                throw new IllegalArgumentException("placeholder " + e.getKey() + " not in " + name);
            }
            text = text.replace(e.getKey(), e.getValue());
        }
        try {
            // extends: names a bundled scenario, so no base directory is needed.
            return ScenarioLoader.fromText("engine/" + name, text, null);
        } catch (ScenarioException e) {
            throw new AssertionError("test scenario " + name + " does not load:\n" + e.getMessage(), e);
        }
    }

    private static String text(String name) {
        try (InputStream in = TestScenarios.class.getResourceAsStream("/engine/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource engine/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
