package org.resolve.core.engine.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resolve.core.engine.LoyaltyStrata;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.ParameterSampler;
import org.resolve.core.engine.TestScenarios;
import org.resolve.core.model.Param;
import org.resolve.core.model.UnitType;
import org.resolve.core.scenario.Scenario;

/**
 * Who goes, and why ({@link Deployment}): the volunteering filter on the article's motives sets the
 * deployed force's make-up, and that make-up then reaches what soldiers do. The aggregate strata are
 * exact integrals (tolerance 1e-9); none of these tests can fail by chance.
 */
class DeploymentTest {
    static double[] params(Map<Param, Double> o) {
        Scenario sc = TestScenarios.bundled("kursk-2024").with(o, 0);
        return ParameterSampler.medians(sc);
    }

    static double meanLoyalty(LoyaltyStrata ls) {
        double m = 0;
        for (int b = 0; b < ls.share.length; b++) {
            m += ls.share[b] * ls.loyalty[b];
        }
        return m;
    }

    static double hungry(LoyaltyStrata ls) {
        double m = 0;
        for (int b = 0; b < ls.share.length; b++) {
            m += ls.share[b] * ls.hunger[b];
        }
        return m;
    }

    @Test
    void nearlyAllVolunteer() {
        LoyaltyStrata ls = new LoyaltyStrata(params(Map.of()), UnitType.SPECIAL_FORCES, 16);
        assertTrue(ls.volunteering > 0.95, "volunteering " + ls.volunteering);
    }

    @Test
    void hungerIsAShareOfPeopleAndTheHungryVolunteerMore() {
        // With no weight on hunger, those sent are undernourished in the population's share; with a
        // weight, the undernourished are over-represented among those sent.
        Map<Param, Double> o = new EnumMap<>(Param.class);
        o.put(Param.VOLUNTEER_HUNGER, 0.0);
        o.put(Param.COERCION_SHARE, 0.0);
        o.put(Param.VOLUNTEER_INTERCEPT, -3.0);
        LoyaltyStrata flat = new LoyaltyStrata(params(o), UnitType.REGULAR, 16);
        assertEquals(0.45, hungry(flat), 1e-9);
        o.put(Param.VOLUNTEER_HUNGER, 2.0);
        LoyaltyStrata pulled = new LoyaltyStrata(params(o), UnitType.REGULAR, 16);
        assertTrue(hungry(pulled) > 0.47, "undernourished among those sent " + hungry(pulled));
    }

    @Test
    void payKeptByTheSoldierNotTheWageDrawsVolunteers() {
        // Same wage, the regime keeping 95% or 50%: the soldier's pay appeal, so volunteering, rises;
        // a higher wage with the same share likewise.
        Map<Param, Double> o = new EnumMap<>(Param.class);
        o.put(Param.VOLUNTEER_INTERCEPT, -4.0);
        o.put(Param.COERCION_SHARE, 0.0);
        o.put(Param.REGIME_SHARE, 0.95);
        double kept5 = new LoyaltyStrata(params(o), UnitType.REGULAR, 8).volunteering;
        o.put(Param.REGIME_SHARE, 0.5);
        double kept50 = new LoyaltyStrata(params(o), UnitType.REGULAR, 8).volunteering;
        assertTrue(kept50 > kept5 + 0.02, kept5 + " -> " + kept50);
        double[] p = params(o);
        assertEquals(-Math.expm1(-2000 * 0.5 / 100), Deployment.payAppeal(p), 1e-12);
    }

    @Test
    void theMotivesSetTheForcesLoyaltyAndSoWhatItDoes() {
        // When volunteering is selective (low intercept) and the unwilling are replaced, those sent
        // are more loyal than the pool; when everyone is coerced, they are the pool itself. A less
        // loyal force then surrenders more once a campaign reaches it.
        Map<Param, Double> o = new EnumMap<>(Param.class);
        o.put(Param.VOLUNTEER_INTERCEPT, -4.0);
        o.put(Param.COERCION_SHARE, 0.0);
        double selected = meanLoyalty(new LoyaltyStrata(params(o), UnitType.REGULAR, 16));
        o.put(Param.COERCION_SHARE, 1.0);
        double everyone = meanLoyalty(new LoyaltyStrata(params(o), UnitType.REGULAR, 16));
        assertEquals(0.75, everyone, 1e-9);
        assertTrue(selected > everyone + 0.01, "selected " + selected + " against the pool's " + everyone);
        Map<Param, Double> loyalPool = Map.of(Param.LOYALTY_MEAN_SPECIAL_FORCES, 0.95);
        Map<Param, Double> laxPool = Map.of(Param.LOYALTY_MEAN_SPECIAL_FORCES, 0.6);
        double loyal = AttritionTest.kpi(TestScenarios.bundled("kursk-2024-persuasion").with(loyalPool, 0), Metric.SURRENDERED);
        double lax = AttritionTest.kpi(TestScenarios.bundled("kursk-2024-persuasion").with(laxPool, 0), Metric.SURRENDERED);
        assertTrue(lax > 1.5 * loyal, "surrendered: " + lax + " from a less loyal force, " + loyal + " from a loyal one");
    }
}
