package org.resolve.core.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.resolve.core.model.Param;
import org.resolve.core.random.Streams;
import org.resolve.core.scenario.Scenario;

/**
 * The agent mode's exact event skipping (geometric waiting times, thinning) gives the same
 * distributions as the straightforward version that draws once per soldier per day
 * ({@code new AgentEngine(true)}): two-sample tests of whole runs, and of {@link Trials} alone.
 *
 * <p>Whole runs: kursk-2024-persuasion (campaign on, so capture, surrender and self-killing all
 * happen) at its parameter medians with capture situations fifteen times as frequent and the wounded
 * left behind three times as often, 240 days, R = 300 replications of each version from
 * independent roots. For eight outcomes at the horizon, a two-sample Kolmogorov-Smirnov test at
 * alpha = 0.001 each: if the versions agree, the family fails by chance with probability at most
 * 8 x 0.001 = 0.8% (Bonferroni). The seeds are fixed, so the outcome is deterministic; a failure
 * names the outcome and its p-value.
 *
 * <p>Power, checked by the test itself: the same eight tests must reject (some p below 0.001) when
 * the reference runs with capture situations 25% more frequent, and again with the attrition
 * coefficient 10% higher. A sampling error of that size in the fast version would not pass.
 */
class SkippingEquivalenceTest {
    static final int R = 300;
    static final int DAYS = 240;
    static final double ALPHA = 0.001;
    static final Metric[] OUTCOMES = {Metric.KILLED, Metric.WOUNDED, Metric.CAPTURED, Metric.SURRENDERED,
        Metric.SELF_KILLED, Metric.DESERTED, Metric.STATUS_FRONT, Metric.CASUALTIES};

    static ExecutorService pool;
    static Scenario sc;
    static double[] medians;

    @BeforeAll
    static void setUp() {
        pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        sc = TestScenarios.bundled("kursk-2024-persuasion").with(java.util.Map.of(), DAYS);
        medians = ParameterSampler.medians(sc);
        // Capture situations fifteen times as frequent as the median, and the wounded left behind
        // three times as often, so that capture, surrender and self-killing happen often enough (tens
        // per run) for their distributions to be compared, on both paths to capture.
        medians[Param.CAPTURE_SITUATIONS_PER_DAY.ordinal()] *= 15;
        medians[Param.CAPTURE_WOUNDED_LEFT.ordinal()] *= 3;
    }

    @AfterAll
    static void tearDown() {
        pool.shutdownNow();
    }

    /** @return outcome x replication, at the horizon */
    static double[][] ensemble(boolean perSoldier, double[] params, long root) throws Exception {
        AgentEngine engine = new AgentEngine(perSoldier);
        List<Future<RunResult>> fs = new ArrayList<>();
        for (int r = 0; r < R; r++) {
            long seed = Streams.replicationSeed(root, r);
            int index = r;
            fs.add(pool.submit(() -> engine.run(sc, params, seed, index)));
        }
        double[][] out = new double[OUTCOMES.length][R];
        for (int r = 0; r < R; r++) {
            RunResult res = fs.get(r).get();
            assertTrue(res.ok(), res.error());
            for (int m = 0; m < OUTCOMES.length; m++) {
                out[m][r] = res.kpi(OUTCOMES[m]);
            }
        }
        return out;
    }

    /** @return the KS p-value of each outcome */
    static double[] pValues(double[][] a, double[][] b) {
        KolmogorovSmirnovTest ks = KolmogorovSmirnovTest.withDefaults();
        double[] p = new double[OUTCOMES.length];
        for (int m = 0; m < OUTCOMES.length; m++) {
            p[m] = ks.test(a[m], b[m]).getPValue();
        }
        return p;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    @Test
    void skippingMatchesOneDrawPerSoldier() throws Exception {
        double[][] fast = ensemble(false, medians, 0x534B4950L);
        double[][] reference = ensemble(true, medians, 0x52454646L);
        double[] p = pValues(fast, reference);
        List<Executable> checks = new ArrayList<>();
        for (int m = 0; m < OUTCOMES.length; m++) {
            Metric o = OUTCOMES[m];
            double pm = p[m];
            System.out.printf(Locale.ROOT, "%-14s skipping %10.1f  per soldier %10.1f  KS p = %.3f%n", o.key(),
                    mean(fast[m]), mean(reference[m]), pm);
            checks.add(() -> assertTrue(pm >= ALPHA, o.key() + ": KS p = " + pm + " < " + ALPHA));
        }
        // The outcomes tested must actually vary: a process that never fires proves nothing.
        for (Metric o : new Metric[] {Metric.CAPTURED, Metric.SURRENDERED, Metric.SELF_KILLED, Metric.WOUNDED}) {
            int m = List.of(OUTCOMES).indexOf(o);
            checks.add(() -> assertTrue(mean(fast[m]) > 20, o.key() + " barely happens: " + mean(fast[m])));
        }
        assertAll(checks);

        // Power: a 25% change in capture situations, or 10% in the attrition coefficient, in the
        // reference is detected by the same tests.
        double[] capture = medians.clone();
        capture[Param.CAPTURE_SITUATIONS_PER_DAY.ordinal()] *= 1.25;
        double[] attrition = medians.clone();
        attrition[Param.HAZARD.ordinal()] *= 1.10;
        for (double[] changed : List.of(capture, attrition)) {
            double[] q = pValues(fast, ensemble(true, changed, 0x52454646L));
            double min = java.util.Arrays.stream(q).min().orElseThrow();
            assertTrue(min < ALPHA, "a changed reference went undetected: smallest p = " + min);
        }
    }

    /**
     * Trials alone: over blocks of n = 40 trials at p = 0.07, the number of successes per block
     * follows Binomial(40, 0.07) with skipping and with one draw per trial (chi-square goodness of
     * fit, 20,000 blocks, cells 0..8 and 9+), and the index of the first success has the same
     * distribution in both (two-sample KS). Each of the three tests at alpha = 0.001: family
     * false-failure rate at most 0.3%.
     */
    @Test
    void trialsSkipExactly() {
        int n = 40;
        double prob = 0.07;
        int blocks = 20_000;
        BinomialDistribution bin = BinomialDistribution.of(n, prob);
        double[] expected = new double[10];
        for (int k = 0; k < 9; k++) {
            expected[k] = bin.probability(k);
        }
        expected[9] = bin.survivalProbability(8);
        double[][] firsts = new double[2][blocks];
        for (int mode = 0; mode < 2; mode++) {
            UniformRandomProvider rng = Streams.derive(0x545249414CL, mode);
            long[] observed = new long[10];
            for (int b = 0; b < blocks; b++) {
                Trials t = new Trials(rng, prob, mode == 1);
                int successes = 0;
                int first = n;
                for (int i = 0; i < n; i++) {
                    if (t.next()) {
                        if (successes == 0) {
                            first = i;
                        }
                        successes++;
                    }
                }
                observed[Math.min(successes, 9)]++;
                firsts[mode][b] = first;
            }
            double pv = ChiSquareTest.withDefaults().test(expected, observed).getPValue();
            assertTrue(pv >= ALPHA, (mode == 1 ? "per trial" : "skipping") + ": chi-square p = " + pv);
        }
        // Ties: the first-success index is discrete, so the KS p-value is estimated for ties.
        double pFirst = KolmogorovSmirnovTest.withDefaults().test(firsts[0], firsts[1]).getPValue();
        assertTrue(pFirst >= ALPHA, "first success index: KS p = " + pFirst);
        // And the test has power: p = 0.08 against 0.07 per trial is told apart.
        UniformRandomProvider rng = Streams.derive(0x545249414CL, 2);
        double[] shifted = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            Trials t = new Trials(rng, 0.08, true);
            int first = n;
            for (int i = 0; i < n; i++) {
                if (t.next()) {
                    first = i;
                    break;
                }
            }
            shifted[b] = first;
        }
        double pShift = KolmogorovSmirnovTest.withDefaults().test(firsts[0], shifted).getPValue();
        assertTrue(pShift < ALPHA, "p = 0.08 not told from 0.07: KS p = " + pShift);
        assertEquals(blocks, firsts[1].length);
    }
}
