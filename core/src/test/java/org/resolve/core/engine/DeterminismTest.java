package org.resolve.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.resolve.core.random.Streams;
import org.resolve.core.scenario.Scenario;

/**
 * A replication is a function of (scenario, parameter values, replication seed): the same inputs
 * give bit-identical series, in the same thread or in several at once; another seed gives another
 * agent-mode trajectory. The persuasion scenario is used so that every random stream (campaign
 * reach included) is exercised.
 */
class DeterminismTest {
    static final long ROOT_SEED = 7_357L;
    static final int DAYS = 200;

    static Scenario scenario() {
        return TestScenarios.bundled("kursk-2024-persuasion").with(Map.of(), DAYS);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void sameInputsGiveIdenticalSeries(Mode mode) {
        Scenario sc = scenario();
        long seed = Streams.replicationSeed(ROOT_SEED, 3);
        double[] p = ParameterSampler.sample(sc, seed);
        RunResult first = Engine.of(mode).run(sc, p, seed, 3);
        RunResult second = Engine.of(mode).run(scenario(), ParameterSampler.sample(scenario(), seed), seed, 3);
        assertEquals(first.seed(), second.seed());
        assertArrayEquals(first.parameters(), second.parameters());
        for (Metric m : Metric.values()) {
            assertArrayEquals(first.series()[m.ordinal()], second.series()[m.ordinal()],
                    m.key() + " differs between two runs with replication seed " + seed);
        }
    }

    @Test
    void otherReplicationSeedsGiveOtherAgentTrajectories() {
        Scenario sc = scenario();
        double[] p = ParameterSampler.medians(sc);
        long s1 = Streams.replicationSeed(ROOT_SEED, 0);
        long s2 = Streams.replicationSeed(ROOT_SEED, 1);
        RunResult a = new AgentEngine().run(sc, p, s1, 0);
        RunResult b = new AgentEngine().run(sc, p, s2, 1);
        // Each stream, not just one: deployment (who is sent), attrition, casualty outcome, beliefs.
        for (Metric m : new Metric[] {Metric.VOLUNTEERS, Metric.STATUS_FRONT, Metric.KILLED, Metric.WOUNDED,
            Metric.REACHED}) {
            assertFalse(java.util.Arrays.equals(a.series()[m.ordinal()], b.series()[m.ordinal()]),
                    m.key() + " identical under replication seeds " + s1 + " and " + s2);
        }
    }

    @Test
    void theAggregateModeDependsOnTheParametersOnly() {
        // Expected flows draw no random numbers: the seed changes nothing.
        Scenario sc = scenario();
        double[] p = ParameterSampler.medians(sc);
        RunResult a = new AggregateEngine(Engine.DEFAULT_BINS).run(sc, p, 1L, 0);
        RunResult b = new AggregateEngine(Engine.DEFAULT_BINS).run(sc, p, 2L, 1);
        assertArrayEquals(a.series(), b.series());
    }

    @Test
    void otherParameterSeedsGiveOtherParameterValues() {
        Scenario sc = scenario();
        double[] a = ParameterSampler.sample(sc, Streams.replicationSeed(ROOT_SEED, 0));
        double[] b = ParameterSampler.sample(sc, Streams.replicationSeed(ROOT_SEED, 1));
        assertFalse(java.util.Arrays.equals(a, b));
    }

    @Test
    void runningReplicationsConcurrentlyChangesNothing() throws Exception {
        // The engines and the processes in Engine.PROCESSES are shared between threads; a
        // replication must not see another's state.
        Scenario sc = scenario();
        int n = 6;
        List<RunResult> sequential = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long seed = Streams.replicationSeed(ROOT_SEED, i);
            Mode mode = i % 2 == 0 ? Mode.AGENT : Mode.AGGREGATE;
            sequential.add(Engine.of(mode).run(sc, ParameterSampler.sample(sc, seed), seed, i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (int i = n - 1; i >= 0; i--) {
                long seed = Streams.replicationSeed(ROOT_SEED, i);
                Mode mode = i % 2 == 0 ? Mode.AGENT : Mode.AGGREGATE;
                int index = i;
                futures.add(pool.submit(() -> Engine.of(mode).run(sc, ParameterSampler.sample(sc, seed), seed, index)));
            }
            for (int k = 0; k < n; k++) {
                RunResult r = futures.get(k).get();
                assertArrayEquals(sequential.get(r.runIndex()).series(), r.series(),
                        "replication " + r.runIndex() + " differs when run concurrently");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
