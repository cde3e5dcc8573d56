package org.resolve.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.resolve.core.random.Streams;
import org.resolve.core.scenario.Bundled;
import org.resolve.core.scenario.Scenario;

/** Every bundled scenario runs 30 days in both modes under a fixed seed, with finite values everywhere. */
class BundledSmokeTest {
    static final long ROOT_SEED = 30L;
    static final int DAYS = 30;

    static Stream<Arguments> runs() {
        List<Arguments> out = new ArrayList<>();
        for (String id : Bundled.IDS) {
            for (Mode mode : Mode.values()) {
                out.add(Arguments.of(id, mode));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void runsThirtyDaysWithFiniteValues(String id, Mode mode) {
        Scenario sc = TestScenarios.bundled(id).with(Map.of(), DAYS);
        long seed = Streams.replicationSeed(ROOT_SEED, 0);
        double[] p = ParameterSampler.sample(sc, seed);
        for (int i = 0; i < p.length; i++) {
            assertTrue(Double.isFinite(p[i]), id + ": parameter " + i + " = " + p[i]);
        }
        RunResult r = Engine.of(mode).run(sc, p, seed, 0);
        assertEquals(DAYS, r.days());
        assertEquals(Metric.COUNT, r.series().length);
        for (Metric m : Metric.values()) {
            double[] s = r.series()[m.ordinal()];
            for (int t = 0; t < DAYS; t++) {
                if (!Double.isFinite(s[t])) {
                    fail(id + " " + mode.key() + " (replication seed " + seed + "): " + m.key() + " on day " + t
                            + " is " + s[t]);
                }
            }
        }
        // Something happened: soldiers left on the first day.
        assertTrue(r.value(Metric.SENT, 0) > 0, id + ": nobody sent on day 0");
    }
}
