package org.resolve.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Rules that tie parameters together. */
class CrossParameterRulesTest {
    private static String scenario(String died, String returned) {
        return String.join("\n",
                "resolve: 1",
                "id: wounded-rule",
                "extends: kursk-2024",
                "parameters:",
                "  wounded.died_per_day: {" + died + ", unit: 1/day, assumption: true, reason: test}",
                "  wounded.return_per_day: {" + returned + ", unit: 1/day, assumption: true, reason: test}",
                "");
    }

    @Test
    void woundedOutcomesAddingUpToMoreThanOneAreRejectedAtTheParameter() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.fromText("w.yaml", scenario("value: 0.5", "value: 0.6"), null));
        assertEquals(1, e.problems().size(), e.getMessage());
        Problem p = e.problems().get(0);
        assertEquals("parameters.wounded.died_per_day", p.subject());
        assertEquals("w.yaml", p.location().file());
        assertEquals(5, p.location().line());
        assertTrue(p.problem().contains("add up to 1.11"), p.problem());
    }

    @Test
    void theRuleUsesTheDistributionsUpperBounds() throws Exception {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.fromText("w.yaml",
                scenario("distribution: {type: uniform, low: 0.1, high: 0.7}", "value: 0.3"), null));
        assertTrue(e.getMessage().contains("can add up to 1.01"), e.getMessage());
        ScenarioLoader.fromText("w.yaml", scenario("distribution: {type: uniform, low: 0.1, high: 0.6}", "value: 0.3"), null);
    }
}
