package org.resolve.core.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioLoader;

/**
 * The aggregate mode's default number of loyalty bins is enough for the bundled scenarios: their
 * KPIs stay within 1% of a 64-bin run (of max(value, 10)), at the parameter medians and at sampled
 * parameters; the decisions that depend on loyalty non-linearly (surrender, self-killing) are the
 * ones that need the bins (measured: surrenders in kursk-2024-persuasion 0.7% below 64 bins with 8).
 * Deterministic (no random numbers in the aggregate mode), so it cannot fail by chance.
 */
class AggregateBinsTest {
    private static final Metric[] KPIS = {Metric.KILLED, Metric.WOUNDED, Metric.CAPTURED, Metric.SURRENDERED,
        Metric.SELF_KILLED, Metric.DESERTED, Metric.REGIME_REVENUE_USD, Metric.FAMILIES_PUNISHED};

    @ParameterizedTest
    @ValueSource(strings = {"kursk-2024", "kursk-2024-persuasion", "kursk-2024-state-media", "rotation-100k"})
    void defaultBinsAreWithinOnePercentOfSixtyFour(String id) throws Exception {
        Scenario sc = ScenarioLoader.load(id);
        for (int k = 0; k < 4; k++) {
            double[] p = k == 0 ? ParameterSampler.medians(sc) : ParameterSampler.sample(sc, 1000 + k);
            RunResult coarse = new AggregateEngine(Engine.DEFAULT_BINS).run(sc, p, 1, 0);
            RunResult fine = new AggregateEngine(64).run(sc, p, 1, 0);
            for (Metric m : KPIS) {
                double ref = fine.kpi(m);
                double diff = Math.abs(coarse.kpi(m) - ref);
                assertTrue(diff <= 1e-2 * Math.max(ref, 10), id + " " + m.key() + " (parameter set " + k + "): "
                        + coarse.kpi(m) + " with " + Engine.DEFAULT_BINS + " bins, " + ref + " with 64");
            }
        }
    }
}
