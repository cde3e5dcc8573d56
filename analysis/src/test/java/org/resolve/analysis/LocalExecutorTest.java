package org.resolve.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.Mode;
import org.resolve.core.engine.RunResult;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioLoader;

/** The local executor: order, independence from the thread count, and failed runs. */
class LocalExecutorTest {

    private static List<RunResult> run(Scenario sc, Engine engine, int threads, int runs) throws Exception {
        List<RunResult> out = new ArrayList<>();
        new LocalExecutor(threads).execute(sc, engine, RunPlan.monteCarlo(sc, 11, runs), out::add, n -> { });
        return out;
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void resultsArriveInIndexOrderAndDoNotDependOnThreads(Mode mode) throws Exception {
        Scenario sc = ScenarioLoader.load("kursk-2024").with(Map.of(), 90);
        List<RunResult> one = run(sc, Engine.of(mode), 1, 9);
        List<RunResult> three = run(sc, Engine.of(mode), 3, 9);
        for (int i = 0; i < 9; i++) {
            assertEquals(i, one.get(i).runIndex());
            assertEquals(i, three.get(i).runIndex());
            for (int m = 0; m < Metric.COUNT; m++) {
                assertArrayEquals(one.get(i).series()[m], three.get(i).series()[m], "run " + i + " " + Metric.of(m));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aRunThatThrowsAtDayKIsStoredAsFailedAndTheOthersComplete(Mode mode) throws Exception {
        Scenario sc = ScenarioLoader.load("kursk-2024").with(Map.of(), 90);
        List<RunResult> clean = run(sc, Engine.of(mode), 2, 6);
        List<RunResult> faulty = run(sc, Engine.of(mode).injectFault(3, 40), 2, 6);
        assertEquals(6, faulty.size());
        for (int i = 0; i < 6; i++) {
            RunResult r = faulty.get(i);
            if (i == 3) {
                assertFalse(r.ok());
                assertEquals(40, r.failedDay());
                assertEquals(40, r.daysRecorded());
                assertTrue(r.error().contains("fault injected on day 40"), r.error());
                for (int m = 0; m < Metric.COUNT; m++) {
                    for (int t = 0; t < 90; t++) {
                        if (t < 40) {
                            assertEquals(clean.get(i).series()[m][t], r.series()[m][t], "before the failure");
                        } else {
                            assertTrue(Double.isNaN(r.series()[m][t]), "no metrics after the failure");
                        }
                    }
                }
            } else {
                assertTrue(r.ok());
                for (int m = 0; m < Metric.COUNT; m++) {
                    assertArrayEquals(clean.get(i).series()[m], r.series()[m]);
                }
            }
        }
        KpiSummary s = new KpiSummary();
        faulty.forEach(s::add);
        assertEquals(5, s.runs());
        assertEquals(1, s.failed().size());
        assertEquals(3, s.failed().get(0).runIndex());
    }
}
