package org.resolve.core.engine.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
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
 * Desertion ({@link Desertion}): hunger when the host's food fails, and doubt. Deterministic.
 */
class DesertionTest {
    @Test
    void theDailyProbabilityIsTheDocumentedSum() {
        Scenario sc = TestScenarios.bundled("kursk-2024");
        double[] p = ParameterSampler.medians(sc);
        Sector s = new Sector(sc, p);
        double rate = p[Param.DESERTION_RATE.ordinal()] * (1 - p[Param.HOST_FOOD_SUPPLY.ordinal()]);
        double doubt = p[Param.DESERTION_DOUBT.ordinal()];
        assertEquals(rate * 0.7 + doubt * 0.4, Desertion.probability(s, 0.7, 0.4), 1e-15);
        assertEquals(0.0, Desertion.probability(s, 0, 0));
    }

    @Test
    void hungerAndDoubtEachDriveDesertion() {
        Map<Param, Double> o = new EnumMap<>(Param.class);
        o.put(Param.DESERTION_RATE, 0.002);
        o.put(Param.DESERTION_DOUBT, 0.0005);
        RunResult fed = AttritionTest.aggregate(AttritionTest.fixture(withFood(o, 1.0)));
        RunResult short_ = AttritionTest.aggregate(AttritionTest.fixture(withFood(o, 0.5)));
        assertTrue(short_.kpi(Metric.DESERTED) > 1.5 * fed.kpi(Metric.DESERTED), "food: " + fed.kpi(Metric.DESERTED)
                + " -> " + short_.kpi(Metric.DESERTED));
        // Doubt: the persuasion campaign raises doubt, so desertion, at the same food supply.
        double base = AttritionTest.kpi(TestScenarios.bundled("kursk-2024"), Metric.DESERTED);
        double campaign = AttritionTest.kpi(TestScenarios.bundled("kursk-2024-persuasion"), Metric.DESERTED);
        assertTrue(campaign > 1.5 * base, "campaign: " + base + " -> " + campaign);
        double noDoubtLink = AttritionTest.kpi(TestScenarios.bundled("kursk-2024-persuasion")
                .with(Map.of(Param.DESERTION_DOUBT, 0.0), 0), Metric.DESERTED);
        assertTrue(noDoubtLink < 0.5 * campaign, "without the doubt term: " + noDoubtLink);
    }

    static Map<Param, Double> withFood(Map<Param, Double> o, double food) {
        Map<Param, Double> m = new EnumMap<>(o);
        m.put(Param.HOST_FOOD_SUPPLY, food);
        return m;
    }
}
