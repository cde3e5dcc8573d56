package org.resolve.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.Mode;
import org.resolve.core.engine.RunResult;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioLoader;
import org.resolve.store.Ensemble;

/** The fan charts' bounded memory, and which jobs the run queue keeps. */
class FanAndJobsTest {
    private static RunResult run(int i, int days, double level) {
        double[][] series = new double[Metric.values().length][days];
        for (double[] s : series) {
            java.util.Arrays.fill(s, level);
        }
        return new RunResult(i, i, new double[0], series);
    }

    @Test
    void theFanKeepsTheFirst2000CompletedRunsOnAtMost151Days() {
        Fan fan = new Fan(LocalDate.of(2024, 8, 6), 2500);
        assertFalse(fan.add(RunResult.failed(0, 0, new double[0], new double[Metric.values().length][3650], 3, new IllegalStateException("x"))));
        for (int i = 0; i < Fan.MAX_RUNS; i++) {
            assertTrue(fan.add(run(i, 3650, 1)));
        }
        assertFalse(fan.snapshot().capped(), "exactly 2,000 completed: all drawn");
        for (int i = 0; i < 500; i++) {
            assertFalse(fan.add(run(Fan.MAX_RUNS + i, 3650, 1000)), "beyond the cap");
        }
        Fan.Snapshot s = fan.snapshot();
        assertEquals(Fan.MAX_RUNS, s.runs());
        assertTrue(s.capped());
        assertTrue(s.dates().size() <= Fan.MAX_POINTS + 1, "days drawn: " + s.dates().size());
        assertEquals("2024-08-06", s.dates().get(0));
        assertEquals(LocalDate.of(2024, 8, 6).plusDays(3649).toString(), s.dates().get(s.dates().size() - 1), "the last day is drawn");
        assertEquals(1.0, s.bands().get(0).p95()[s.dates().size() - 1], "only the first 2,000 runs are drawn");
    }

    @Test
    void queuedAndRunningJobsAreNeverEvicted(@TempDir Path tmp) throws Exception {
        Scenario sc = ScenarioLoader.load("kursk-2024");
        try (RunJobs jobs = new RunJobs(new Workspace(tmp))) {
            List<String> ids = new ArrayList<>();
            // finished jobs beyond the kept ones are evicted...
            for (int i = 0; i < 10; i++) {
                RunJobs.Job j = jobs.start(sc.with(java.util.Map.of(), 5), settings(1));
                for (int w = 0; w < 3000 && !j.finished(); w++) {
                    Thread.sleep(10);
                }
                assertTrue(j.finished());
                ids.add(j.id);
            }
            // ...but never a queued or running one: the first runs for a long time, the others wait
            List<String> active = new ArrayList<>();
            active.add(jobs.start(sc, settings(RunJobs.MAX_REPLICATIONS)).id);
            for (int i = 1; i < RunJobs.MAX_ACTIVE; i++) {
                active.add(jobs.start(sc.with(java.util.Map.of(), 5), settings(1)).id);
            }
            for (String id : active) {
                assertTrue(jobs.job(id).isPresent(), "job " + active.indexOf(id) + " is still known");
                assertFalse(jobs.job(id).get().finished());
            }
            assertTrue(ids.stream().filter(id -> jobs.job(id).isPresent()).count() <= 8, "finished jobs are evicted");
            for (String id : active) {
                jobs.cancel(jobs.job(id).get());
            }
        }
    }

    private static Ensemble.Settings settings(int replications) {
        return new Ensemble.Settings(Mode.AGENT, Engine.DEFAULT_BINS, Ensemble.Design.MONTE_CARLO, replications, 1L, 1, List.of(), "test");
    }

    @Test
    void theWarmUpRunsBothEnginesInALowPriorityDaemonAndEnds(@TempDir Path ws) throws Exception {
        WebServer server = WebServer.start(new WebServer.Options("127.0.0.1", 0, ws, 1, Security.DEFAULT_MAX_BODY));
        try {
            Thread t = server.warmUp();
            assertTrue(t.isDaemon());
            assertEquals(Thread.MIN_PRIORITY, t.getPriority());
            t.join(120_000);
            assertFalse(t.isAlive(), "the warm-up ends");
            assertTrue(server.warmedUp() > 0, "it ran replications: " + server.warmedUp());
        } finally {
            server.close();
        }
    }
}
