package org.resolve.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.resolve.core.model.Param;
import org.resolve.core.scenario.Scenario;

/**
 * Issue 13, item 9: a wage of 1e308 made the wage bill infinite and the soldiers' share NaN, and
 * the run was stored as ok with {@code inf} in its KPIs. The engines now fail a run on the first
 * day a metric is not finite, naming it. The parameter vector is given to the engine directly, as
 * an executor does, past the scenario's validation (which now refuses such a wage).
 */
class NonFiniteOutputTest {
    private static double[] medians(Scenario sc) {
        double[] p = new double[Param.values().length];
        for (Param q : Param.values()) {
            p[q.ordinal()] = sc.spec(q).distribution().quantile(0.5);
        }
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void aRunWhoseOutputsOverflowFailsNamingTheMetricAndTheDay(Mode mode) {
        for (boolean kpisOnly : new boolean[] {false, true}) {
            Scenario sc = TestScenarios.bundled("kursk-2024").with(Map.of(), 60);
            double[] p = medians(sc);
            Engine engine = Engine.of(mode);
            if (kpisOnly) {
                engine.kpisOnly();
            }
            RunResult normal = engine.run(sc, p, 7L, 0);
            assertTrue(normal.ok(), "the medians run: " + normal.error());
            int firstPaid = -1;
            for (int d = 0; d < normal.daysRecorded() && !kpisOnly; d++) {
                if (normal.value(Metric.WAGES_USD, d) > 0) {
                    firstPaid = d;
                    break;
                }
            }
            p[Param.WAGE.ordinal()] = 1e308;
            RunResult r = engine.run(sc, p, 7L, 0);
            assertFalse(r.ok(), mode + ": a wage bill of infinity is not a result");
            assertTrue(r.error().contains("output not finite on day " + r.failedDay() + ": wages_usd = Infinity"), r.error());
            if (!kpisOnly) {
                assertEquals(firstPaid, r.failedDay(), "fails on the first day a wage is paid");
                for (int d = 0; d < r.failedDay(); d++) {
                    for (Metric m : Metric.values()) {
                        assertTrue(Double.isFinite(r.value(m, d)), m + " on day " + d + " before the failure");
                    }
                }
            }
            for (double[] s : r.series()) {
                assertTrue(Double.isNaN(s[s.length - 1]), "a failed run has no KPIs: " + s[s.length - 1]);
            }
        }
    }
}
