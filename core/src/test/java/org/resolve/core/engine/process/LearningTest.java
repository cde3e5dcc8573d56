package org.resolve.core.engine.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.ParameterSampler;
import org.resolve.core.engine.RunResult;
import org.resolve.core.engine.Sector;
import org.resolve.core.engine.TestScenarios;
import org.resolve.core.model.Param;
import org.resolve.core.scenario.Scenario;

/**
 * Learning ({@link Learning}): combat days build counter-drone skill and terrain knowledge with their
 * e-folding days; friendly fire happens only on fighting days. Deterministic.
 */
class LearningTest {
    @Test
    void skillsGrowWithCombatDays() {
        Scenario sc = AttritionTest.fixture(Map.of());
        Sector s = new Sector(sc, ParameterSampler.medians(sc));
        assertEquals(0.0, s.droneSkill[0]);
        assertEquals(0.6, s.terrain[0], 1e-15);
        for (int days : new int[] {1, 30, 90}) {
            s.combatDays[0] = days;
            Learning.learnCombat(s, 0);
            assertEquals(-Math.expm1(-days / 30.0), s.droneSkill[0], 1e-15, days + " combat days");
            assertEquals(0.6 + 0.4 * -Math.expm1(-days / 30.0), s.terrain[0], 1e-15, days + " combat days");
        }
    }

    @Test
    void friendlyFireOnlyOnFightingDays() {
        RunResult assault = AttritionTest.aggregate(AttritionTest.fixture(Map.of()));
        Scenario rearSc = TestScenarios.template("exposure.yaml", Map.of("posture: assault", "posture: rear"));
        RunResult rear = AttritionTest.aggregate(rearSc);
        assertTrue(assault.kpi(Metric.FRIENDLY_FIRE_INCIDENTS) > 0);
        assertEquals(0.0, rear.kpi(Metric.FRIENDLY_FIRE_INCIDENTS), "rear duty does not fight");
        assertTrue(rear.kpi(Metric.COMMUNICATION) > 0, "the language is still learned on rear duty");
    }
}
